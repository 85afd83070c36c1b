import Decimal from 'decimal.js';
import { ReportRow, ReportTable } from '../report-model';
import { D, Figures } from '../figures';
import { row } from '../table-helpers';
import { BuildContext } from '../build-context';

/** A group heading inside a statement ("Tillgångar", "Omsättningstillgångar"): a row header with no values. */
const headingRow = (id: string, label: string, columns: number, level = 0): ReportRow => ({
  id,
  label,
  values: Array.from({ length: columns }, () => null),
  heading: true,
  level,
});

/**
 * 3 Balansräkning as the seeds print it: the groups Tillgångar (Omsättningstillgångar with their sum) and Eget
 * kapital, avsättningar och skulder (Eget kapital, Skulder), each with its subtotal. Lines a förbund rarely has are
 * left out when they are zero in every column.
 */
export function balanceSheet(ctx: BuildContext): ReportTable {
  const { input, kind, cur, prev, prevEnd } = ctx;
  const brPrev = kind === 'ARSREDOVISNING' ? prev : prevEnd;
  const bv = (k: keyof Figures) => (brPrev ? (brPrev[k] as Decimal) : null);
  const pair = (k: keyof Figures) => [cur[k] as Decimal, bv(k)];
  const omsattning = cur.fordringar.plus(cur.kassa_och_bank);
  const omsattningPrev = brPrev ? brPrev.fordringar.plus(brPrev.kassa_och_bank) : null;
  const rows: ReportRow[] = [
    headingRow('grupp_tillgangar', 'Tillgångar', 2),
    row('ovriga_tillgangar', 'Anläggningstillgångar och övriga tillgångar', pair('ovriga_tillgangar'), {
      level: 1,
    }),
    headingRow('grupp_omsattningstillgangar', 'Omsättningstillgångar', 2, 1),
    row('fordringar', 'Fordringar (not 4)', pair('fordringar'), { level: 2 }),
    row('kassa_och_bank', 'Kassa och bank', pair('kassa_och_bank'), { level: 2 }),
    row('summa_omsattningstillgangar', 'Summa omsättningstillgångar', [omsattning, omsattningPrev], {
      total: true,
      level: 1,
    }),
    row('summa_tillgangar', 'Summa tillgångar', pair('summa_tillgangar'), { total: true }),
    headingRow('grupp_eget_kapital_och_skulder', 'Eget kapital, avsättningar och skulder', 2),
    headingRow('grupp_eget_kapital', 'Eget kapital', 2, 1),
    row(
      'arets_resultat',
      kind === 'ARSREDOVISNING' ? 'Årets resultat' : 'Periodens resultat',
      pair('arets_resultat'),
      { level: 2 },
    ),
    row('ovrigt_eget_kapital', 'Övrigt eget kapital', pair('ovrigt_eget_kapital'), { level: 2 }),
    row('eget_kapital', 'Summa eget kapital', pair('eget_kapital'), { total: true, level: 1 }),
    row('ovriga_skulder', 'Avsättningar och långfristiga skulder', pair('ovriga_skulder'), { level: 1 }),
    headingRow('grupp_skulder', 'Skulder', 2, 1),
    row('kortfristiga_skulder', 'Kortfristiga skulder (not 5)', pair('kortfristiga_skulder'), { level: 2 }),
    row('summa_kortfristiga_skulder', 'Summa kortfristiga skulder', pair('kortfristiga_skulder'), {
      total: true,
      level: 1,
    }),
    row(
      'summa_eget_kapital_och_skulder',
      'Summa eget kapital och skulder',
      pair('summa_eget_kapital_och_skulder'),
      { total: true },
    ),
  ];
  const br: ReportTable = {
    id: 'balansrakning',
    title: 'Balansräkning',
    columns: [
      input.current.end,
      brPrev ? (kind === 'ARSREDOVISNING' ? input.previous!.end : (input.previousYearEnd?.end ?? '')) : '',
    ],
    rows: rows.filter(
      (r) =>
        !['ovriga_tillgangar', 'ovriga_skulder'].includes(r.id) ||
        r.values.some((v) => v !== null && !D(v).isZero()),
    ),
    sums: {
      summa_omsattningstillgangar: ['fordringar', 'kassa_och_bank'],
      summa_tillgangar: ['ovriga_tillgangar', 'summa_omsattningstillgangar'],
      eget_kapital: ['ovrigt_eget_kapital', 'arets_resultat'],
      summa_kortfristiga_skulder: ['kortfristiga_skulder'],
      summa_eget_kapital_och_skulder: ['eget_kapital', 'ovriga_skulder', 'summa_kortfristiga_skulder'],
    },
  };
  return br;
}
