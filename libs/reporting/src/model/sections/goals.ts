import Decimal from 'decimal.js';
import { ReportModel } from '../report-model';
import { D, amount, ratioStr, Figures, RATIOS } from '../figures';
import { compareOp } from '../table-helpers';
import { BuildContext } from '../build-context';

/** Financial goals: each goal's metric against its bound. */
export function financialGoals(ctx: BuildContext): ReportModel['financialGoals'] {
  const { input, cur } = ctx;
  const goals = input.financialGoals.map((g) => {
    const v = cur[g.metric as keyof Figures] as Decimal | null | undefined;
    const value = v === null || v === undefined ? null : v;
    return {
      key: g.key,
      text: g.text,
      value: value === null ? '' : RATIOS.has(g.metric as keyof Figures) ? ratioStr(value)! : amount(value),
      status: (value !== null && compareOp(g.op, value, D(g.value)) ? 'UPPFYLLT' : 'EJ_UPPFYLLT') as
        'UPPFYLLT' | 'EJ_UPPFYLLT',
    };
  });
  return goals;
}
