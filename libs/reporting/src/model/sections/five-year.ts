import Decimal from 'decimal.js';
import { ReportTable } from '../report-model';
import { D } from '../figures';
import { row } from '../table-helpers';
import { BuildContext } from '../build-context';

/** The history's figures the overview shows beside the staff number. */
const FIGURES = ['verksamhetens_intakter', 'verksamhetens_kostnader', 'arets_resultat', 'soliditet'] as const;

interface YearColumn {
  year: number;
  intakter: Decimal | null;
  kostnader: Decimal | null;
  resultat: Decimal | null;
  soliditet: Decimal | null;
  anstallda: Decimal | null;
}

/**
 * The five-year overview (femårsöversikt): this and last year from the ledger, earlier ones from the förbund's
 * key figures. It shows as many of the last five years as the förbund has figures for; the staff number of
 * every year is the förbund's data (none given: "–", never a made-up 0).
 */
export function fiveYearTable(ctx: BuildContext): ReportTable {
  const { year, kind, cur, prev, history } = ctx;
  const years: YearColumn[] = [];
  if (kind === 'ARSREDOVISNING') {
    for (let y = year - 4; y <= year; y++) {
      const f = y === year ? cur : y === year - 1 ? prev : null;
      const h = history.find((x) => x.year === y)?.figures;
      const has = (k: string) => h?.[k] !== undefined && h?.[k] !== null && h?.[k] !== '';
      if (!f && !FIGURES.some(has)) continue;
      const pick = (k: (typeof FIGURES)[number], own: Decimal | null | undefined) =>
        f ? (own ?? null) : has(k) ? D(h![k]) : null;
      years.push({
        year: y,
        intakter: pick('verksamhetens_intakter', f?.verksamhetens_intakter),
        kostnader: pick('verksamhetens_kostnader', f?.verksamhetens_kostnader),
        resultat: pick('arets_resultat', f?.arets_resultat),
        soliditet: pick('soliditet', f?.soliditet),
        anstallda: has('antal_anstallda') ? D(h!.antal_anstallda) : null,
      });
    }
  }
  return {
    id: 'femarsoversikt',
    title: years.length === 5 ? 'Femårsöversikt' : `Flerårsöversikt (${years.length} år)`,
    columns: years.map((y) => String(y.year)),
    rows: [
      row(
        'intakter',
        'Verksamhetens intäkter',
        years.map((y) => y.intakter),
      ),
      row(
        'kostnader',
        'Verksamhetens kostnader',
        years.map((y) => y.kostnader),
      ),
      row(
        'resultat',
        'Årets resultat',
        years.map((y) => y.resultat),
      ),
      row(
        'soliditet',
        'Soliditet',
        years.map((y) => y.soliditet),
        { format: 'percent' },
      ),
      {
        id: 'antal_anstallda',
        label: 'Antal anställda',
        values: years.map((y) => (y.anstallda === null ? null : y.anstallda.toString())),
        format: 'integer',
      },
    ],
  };
}
