import Decimal from 'decimal.js';
import { ReportTable } from '../report-model';
import { D } from '../figures';
import { row } from '../table-helpers';
import { BuildContext } from '../build-context';

/** The five-year overview (femårsöversikt), from the ledger for this and last year and the history for earlier ones. */
export function fiveYearTable(ctx: BuildContext): ReportTable {
  const { year, kind, cur, prev, history } = ctx;
  const fiveYears: Array<{
    year: number;
    intakter: Decimal | null;
    kostnader: Decimal | null;
    resultat: Decimal | null;
    soliditet: Decimal | null;
    anstallda: Decimal | null;
  }> = [];
  if (kind === 'ARSREDOVISNING') {
    for (let y = year - 4; y <= year; y++) {
      const f = y === year ? cur : y === year - 1 ? prev : null;
      const h = history.find((x) => x.year === y)?.figures;
      fiveYears.push({
        year: y,
        intakter: f
          ? f.verksamhetens_intakter
          : h?.verksamhetens_intakter !== undefined
            ? D(h.verksamhetens_intakter)
            : null,
        kostnader: f
          ? f.verksamhetens_kostnader
          : h?.verksamhetens_kostnader !== undefined
            ? D(h.verksamhetens_kostnader)
            : null,
        resultat: f ? f.arets_resultat : h?.arets_resultat !== undefined ? D(h.arets_resultat) : null,
        soliditet: f ? f.soliditet : h?.soliditet !== undefined ? D(h.soliditet) : null,
        anstallda: h?.antal_anstallda !== undefined ? D(h.antal_anstallda) : f ? D(0) : null,
      });
    }
  }
  const femArs: ReportTable = {
    id: 'femarsoversikt',
    title: 'Femårsöversikt',
    columns: fiveYears.map((y) => String(y.year)),
    rows: [
      row(
        'intakter',
        'Verksamhetens intäkter',
        fiveYears.map((y) => y.intakter),
      ),
      row(
        'kostnader',
        'Verksamhetens kostnader',
        fiveYears.map((y) => y.kostnader),
      ),
      row(
        'resultat',
        'Årets resultat',
        fiveYears.map((y) => y.resultat),
      ),
      row(
        'soliditet',
        'Soliditet',
        fiveYears.map((y) => y.soliditet),
        { format: 'percent' },
      ),
      {
        id: 'antal_anstallda',
        label: 'Antal anställda',
        values: fiveYears.map((y) => (y.anstallda === null ? null : y.anstallda.toString())),
        format: 'integer',
      },
    ],
  };
  return femArs;
}
