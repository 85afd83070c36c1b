import { ReportTable } from '../report-model';
import { row } from '../table-helpers';
import { BuildContext } from '../build-context';

/** 2 Resultaträkning. */
export function incomeStatement(ctx: BuildContext): ReportTable {
  const { kind, cur, prev, yearLabel, prevLabel, pv } = ctx;
  const rr: ReportTable = {
    id: 'resultatrakning',
    title: 'Resultaträkning',
    columns: [yearLabel, prevLabel],
    rows: [
      row('verksamhetens_intakter', 'Verksamhetens intäkter (not 2)', [
        cur.verksamhetens_intakter,
        pv('verksamhetens_intakter'),
      ]),
      row('verksamhetens_kostnader', 'Verksamhetens kostnader (not 3)', [
        cur.verksamhetens_kostnader.negated(),
        prev ? prev.verksamhetens_kostnader.negated() : null,
      ]),
      row('avskrivningar', 'Avskrivningar', [
        cur.avskrivningar.negated(),
        prev ? prev.avskrivningar.negated() : null,
      ]),
      row(
        'verksamhetens_resultat',
        'Verksamhetens resultat',
        [cur.verksamhetens_resultat, pv('verksamhetens_resultat')],
        { total: true },
      ),
      row('finansiella_intakter', 'Finansiella intäkter', [
        cur.finansiella_intakter,
        pv('finansiella_intakter'),
      ]),
      row('finansiella_kostnader', 'Finansiella kostnader', [
        cur.finansiella_kostnader.negated(),
        prev ? prev.finansiella_kostnader.negated() : null,
      ]),
      row(
        'resultat_efter_finansiella_poster',
        'Resultat efter finansiella poster',
        [cur.resultat_efter_finansiella_poster, pv('resultat_efter_finansiella_poster')],
        { total: true },
      ),
      row('extraordinara_poster', 'Extraordinära poster', [
        cur.extraordinara_poster,
        pv('extraordinara_poster'),
      ]),
      row(
        'arets_resultat',
        kind === 'ARSREDOVISNING' ? 'Årets resultat' : 'Periodens resultat',
        [cur.arets_resultat, pv('arets_resultat')],
        { total: true },
      ),
    ],
    sums: {
      verksamhetens_resultat: ['verksamhetens_intakter', 'verksamhetens_kostnader', 'avskrivningar'],
      resultat_efter_finansiella_poster: [
        'verksamhetens_resultat',
        'finansiella_intakter',
        'finansiella_kostnader',
      ],
      arets_resultat: ['resultat_efter_finansiella_poster', 'extraordinara_poster'],
    },
  };
  return rr;
}
