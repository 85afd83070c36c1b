import Decimal from 'decimal.js';
import { ReportTable } from '../report-model';
import { D, Figures } from '../figures';
import { row } from '../table-helpers';
import { BuildContext } from '../build-context';

/** 3 Balansräkning. Lines a förbund rarely has are left out when they are zero in every column. */
export function balanceSheet(ctx: BuildContext): ReportTable {
  const { input, kind, cur, prev, prevEnd } = ctx;
  const brPrev = kind === 'ARSREDOVISNING' ? prev : prevEnd;
  const bv = (k: keyof Figures) => (brPrev ? (brPrev[k] as Decimal) : null);
  const br: ReportTable = {
    id: 'balansrakning',
    title: 'Balansräkning',
    columns: [
      input.current.end,
      brPrev ? (kind === 'ARSREDOVISNING' ? input.previous!.end : (input.previousYearEnd?.end ?? '')) : '',
    ],
    rows: [
      row('ovriga_tillgangar', 'Anläggningstillgångar och övriga tillgångar', [
        cur.ovriga_tillgangar,
        bv('ovriga_tillgangar'),
      ]),
      row('fordringar', 'Fordringar (not 4)', [cur.fordringar, bv('fordringar')]),
      row('kassa_och_bank', 'Kassa och bank', [cur.kassa_och_bank, bv('kassa_och_bank')]),
      row('summa_tillgangar', 'Summa tillgångar', [cur.summa_tillgangar, bv('summa_tillgangar')], {
        total: true,
      }),
      row('ovrigt_eget_kapital', 'Övrigt eget kapital', [cur.ovrigt_eget_kapital, bv('ovrigt_eget_kapital')]),
      row('arets_resultat', kind === 'ARSREDOVISNING' ? 'Årets resultat' : 'Periodens resultat', [
        cur.arets_resultat,
        bv('arets_resultat'),
      ]),
      row('eget_kapital', 'Summa eget kapital', [cur.eget_kapital, bv('eget_kapital')], { total: true }),
      row('ovriga_skulder', 'Avsättningar och långfristiga skulder', [
        cur.ovriga_skulder,
        bv('ovriga_skulder'),
      ]),
      row('kortfristiga_skulder', 'Kortfristiga skulder (not 5)', [
        cur.kortfristiga_skulder,
        bv('kortfristiga_skulder'),
      ]),
      row(
        'summa_eget_kapital_och_skulder',
        'Summa eget kapital och skulder',
        [cur.summa_eget_kapital_och_skulder, bv('summa_eget_kapital_och_skulder')],
        { total: true },
      ),
    ],
    sums: {
      summa_tillgangar: ['ovriga_tillgangar', 'fordringar', 'kassa_och_bank'],
      eget_kapital: ['ovrigt_eget_kapital', 'arets_resultat'],
      summa_eget_kapital_och_skulder: ['eget_kapital', 'ovriga_skulder', 'kortfristiga_skulder'],
    },
  };
  // Lines a förbund rarely has are left out when they are zero in every column (the sums treat them as zero).
  br.rows = br.rows.filter(
    (r) =>
      !['ovriga_tillgangar', 'ovriga_skulder'].includes(r.id) ||
      r.values.some((v) => v !== null && !D(v).isZero()),
  );
  return br;
}
