import Decimal from 'decimal.js';
import { ReportModel } from '../report-model';
import { D, amount, ratioStr, Figures, RATIOS } from '../figures';
import { compareOp } from '../table-helpers';
import { BuildContext } from '../build-context';
import { parseNnsMetric } from '@app/domain';
import { nnsShare } from './nns-annex';

/** Financial goals: each goal's metric against its bound. */
export function financialGoals(ctx: BuildContext): ReportModel['financialGoals'] {
  const { input, cur } = ctx;
  const goals = input.financialGoals.map((g) => {
    // A goal measured by an NNS indicator takes the positive share from the year's counts.
    const nns = parseNnsMetric(g.metric) ? nnsShare(input.nns?.model, g.metric) : undefined;
    const v =
      nns !== undefined
        ? nns?.topShare
          ? D(nns.topShare)
          : null
        : (cur[g.metric as keyof Figures] as Decimal | null | undefined);
    const value = v === null || v === undefined ? null : v;
    return {
      key: g.key,
      text: g.text,
      value:
        value === null
          ? ''
          : RATIOS.has(g.metric as keyof Figures) || nns !== undefined
            ? ratioStr(value)!
            : amount(value),
      status: (value !== null && compareOp(g.op, value, D(g.value)) ? 'UPPFYLLT' : 'EJ_UPPFYLLT') as
        'UPPFYLLT' | 'EJ_UPPFYLLT',
    };
  });
  return goals;
}
