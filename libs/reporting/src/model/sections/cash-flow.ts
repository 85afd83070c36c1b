import { ReportTable } from '../report-model';
import { row } from '../table-helpers';
import { BuildContext } from '../build-context';

/** 4 Kassaflödesanalys. */
export function cashFlow(ctx: BuildContext): ReportTable {
  const { kind, cur, yearLabel, prevLabel, pv } = ctx;
  const kf: ReportTable = {
    id: 'kassaflodesanalys',
    title: 'Kassaflödesanalys',
    columns: [yearLabel, prevLabel],
    rows: [
      row('arets_resultat', kind === 'ARSREDOVISNING' ? 'Årets resultat' : 'Periodens resultat', [
        cur.arets_resultat,
        pv('arets_resultat'),
      ]),
      row('avskrivningar', 'Justering för avskrivningar', [cur.avskrivningar, pv('avskrivningar')]),
      row('forandring_kortfristiga_fordringar', 'Minskning (+) / ökning (−) av kortfristiga fordringar', [
        cur.forandring_kortfristiga_fordringar,
        pv('forandring_kortfristiga_fordringar'),
      ]),
      row('forandring_kortfristiga_skulder', 'Ökning (+) / minskning (−) av kortfristiga skulder', [
        cur.forandring_kortfristiga_skulder,
        pv('forandring_kortfristiga_skulder'),
      ]),
      row(
        'kassaflode_lopande_verksamhet',
        'Kassaflöde från den löpande verksamheten',
        [cur.kassaflode_lopande_verksamhet, pv('kassaflode_lopande_verksamhet')],
        { total: true },
      ),
      row('investeringar', 'Kassaflöde från investeringsverksamheten', [
        cur.investeringar,
        pv('investeringar'),
      ]),
      row(
        'arets_kassaflode',
        kind === 'ARSREDOVISNING' ? 'Årets kassaflöde' : 'Periodens kassaflöde',
        [cur.arets_kassaflode, pv('arets_kassaflode')],
        { total: true },
      ),
      row('likvida_medel_ib', 'Likvida medel vid periodens början', [
        cur.likvida_medel_ib,
        pv('likvida_medel_ib'),
      ]),
      row(
        'likvida_medel_ub',
        'Likvida medel vid periodens slut',
        [cur.likvida_medel_ub, pv('likvida_medel_ub')],
        { total: true },
      ),
    ],
    sums: {
      kassaflode_lopande_verksamhet: [
        'arets_resultat',
        'avskrivningar',
        'forandring_kortfristiga_fordringar',
        'forandring_kortfristiga_skulder',
      ],
      arets_kassaflode: ['kassaflode_lopande_verksamhet', 'investeringar'],
      likvida_medel_ub: ['likvida_medel_ib', 'arets_kassaflode'],
    },
  };
  return kf;
}
