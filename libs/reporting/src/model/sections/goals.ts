import Decimal from 'decimal.js';
import { ReportModel } from '../report-model';
import { D, amount, ratio, ratioStr, Figures, RATIOS } from '../figures';
import { compareOp } from '../table-helpers';
import { BuildContext } from '../build-context';
import { parseNnsMetric } from '@app/domain';
import { nnsShare } from './nns-annex';
import { yearForecast } from './helarsprognos';

type Goal = ReportModel['financialGoals'][number];

/**
 * A key figure for the whole year as the delårsrapport forecasts it (result and equity from the forecast);
 * undefined for a figure the forecast cannot give (it is then "ej mätbart än", never judged on half a year).
 */
function forecastMetric(ctx: BuildContext, metric: string): Decimal | null | undefined {
  const f = yearForecast(ctx);
  switch (metric) {
    case 'verksamhetens_intakter':
    case 'medelstilldelning':
      return f.verksamhetens_intakter;
    case 'verksamhetens_kostnader':
      return f.verksamhetens_kostnader;
    case 'verksamhetens_resultat':
    case 'resultat_efter_finansiella_poster':
    case 'arets_resultat':
    case 'balanskravsresultat':
      return f.arets_resultat;
    case 'eget_kapital':
      return f.eget_kapital;
    case 'eget_kapital_andel_av_medelstilldelning':
      return ratio(f.eget_kapital, f.medelstilldelning);
    case 'administrativ_kostnadsandel':
      return ratio(f.administrativa_kostnader, f.verksamhetens_kostnader);
    case 'verksamhetens_kostnader_mot_budgetram':
      return ratio(f.verksamhetens_kostnader, f.budgetram);
    default:
      return undefined;
  }
}

/**
 * Financial goals: each goal's metric against its bound. The årsredovisning measures the year's outcome; the
 * delårsrapport measures the forecast for the year (never half a year's outcome against a whole year's bound).
 */
export function financialGoals(ctx: BuildContext): ReportModel['financialGoals'] {
  const { input, cur, kind } = ctx;
  return input.financialGoals.map((g): Goal => {
    // A goal measured by an NNS indicator takes the positive share from the year's counts.
    const isNns = !!parseNnsMetric(g.metric);
    const nns = isNns ? nnsShare(input.nns?.model, g.metric) : undefined;
    const basis: Goal['basis'] = kind === 'DELARSRAPPORT' ? 'PROGNOS' : 'UTFALL';
    let value: Decimal | null | undefined;
    if (isNns) value = nns?.topShare ? D(nns.topShare) : null;
    else if (basis === 'PROGNOS') value = forecastMetric(ctx, g.metric);
    else value = cur[g.metric as keyof Figures] as Decimal | null | undefined;
    const measurable = value !== null && value !== undefined && !(isNns && basis === 'PROGNOS');
    const shown = !measurable
      ? ''
      : RATIOS.has(g.metric as keyof Figures) || isNns
        ? ratioStr(value!)!
        : amount(value!);
    return {
      key: g.key,
      text: g.text,
      value: shown,
      basis,
      status: !measurable
        ? basis === 'PROGNOS'
          ? 'EJ_MATBART_AN'
          : 'EJ_UPPFYLLT'
        : compareOp(g.op, value!, D(g.value))
          ? 'UPPFYLLT'
          : 'EJ_UPPFYLLT',
    };
  });
}
