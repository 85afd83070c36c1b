import {
  boardSentence,
  chairSentence,
  defaultOrganisationText,
  defaultReportIntro,
  DEFAULT_UPPDRAG_TEXT,
  defaultSectionHeading,
  formatAmount,
  FUNDING_TABLE,
  fundingSentence,
  Money,
  visionText,
} from '@app/domain';
import { BuildContext } from '../build-context';
import { ReportSection, ReportTable } from '../report-model';
import { D } from '../figures';
import { row } from '../table-helpers';

/**
 * The förvaltningsberättelse's parts that stand on the förbund's own data (organisation, finansiering,
 * styrning) and the default texts of the parts the förbundschef has not written. The report structure
 * (`../structure.ts`) places them; the chef's text, where written, replaces a default or follows the figures.
 */

/** The parties that fund the year, largest share first (then by name). */
function fundingOf(ctx: BuildContext, year: number) {
  return ctx.input.funding
    .filter((f) => f.year === year)
    .sort((a, b) => D(b.amount).comparedTo(D(a.amount)) || a.partyName.localeCompare(b.partyName, 'sv'));
}

const part = (ctx: BuildContext, id: string, extra: Partial<ReportSection>): ReportSection => ({
  id,
  title: defaultSectionHeading(id, ctx.kind),
  tables: [],
  ...extra,
});

/** Finansiering: the year's funding per party (and last year's), from the förbund's funding decisions. */
export function financingPart(ctx: BuildContext): ReportSection {
  const { year, unit } = ctx;
  const cur = fundingOf(ctx, year);
  const prevByParty = new Map(fundingOf(ctx, year - 1).map((f) => [f.party, D(f.amount)]));
  const hasPrev = prevByParty.size > 0;
  const rows = cur.map((f) =>
    row(
      `part_${f.party}`,
      f.partyName,
      hasPrev ? [D(f.amount), prevByParty.get(f.party) ?? null] : [D(f.amount)],
    ),
  );
  const sum = (col: number) => rows.reduce((s, r) => s.plus(D(r.values[col] ?? 0)), new Money(0));
  const table: ReportTable = {
    id: 'finansiering',
    title: FUNDING_TABLE.title,
    columns: hasPrev ? [String(year), String(year - 1)] : [String(year)],
    rows: [
      ...rows,
      row('summa', FUNDING_TABLE.total, hasPrev ? [sum(0), sum(1)] : [sum(0)], { total: true }),
    ],
    sums: { summa: rows.map((r) => r.id) },
  };
  const total = sum(0);
  return part(ctx, 'finansiering', {
    text: cur.length
      ? fundingSentence(year, `${formatAmount(total, unit)} ${unit === 'tkr' ? 'tkr' : 'kronor'}`)
      : undefined,
    tables: cur.length ? [table] : [],
  });
}

/**
 * Styrning och uppföljning: the board in numbers and its chair. The board itself (who sat, appointed by whom, for
 * which period of the year) is the next part, Styrelse och revisorer, so it is printed once.
 */
export function governancePart(ctx: BuildContext): ReportSection {
  const { input, year } = ctx;
  const members = input.board.filter((b) => b.role === 'STYRELSELEDAMOT');
  const deputies = input.board.filter((b) => b.role === 'STYRELSEERSATTARE');
  const chair = members.find((m) => m.title === 'ORDFORANDE')?.name ?? null;
  const vice = members.find((m) => m.title === 'VICE_ORDFORANDE')?.name ?? null;
  return part(ctx, 'styrning', {
    text: members.length
      ? [boardSentence(members.length, deputies.length), chairSentence(year, chair, vice)]
          .filter(Boolean)
          .join(' ')
      : undefined,
    tables: [],
  });
}

/** A default text for a text-only part the förbundschef has not written, or undefined. */
export function defaultPartText(ctx: BuildContext, id: string): string | undefined {
  const { input, kind, year } = ctx;
  switch (id) {
    case 'forvaltningsberattelse':
      return defaultReportIntro(kind, year);
    case 'organisation':
      return defaultOrganisationText(
        input.organisation.name,
        fundingOf(ctx, year).map((f) => f.partyName),
      );
    case 'uppdrag':
      return DEFAULT_UPPDRAG_TEXT;
    case 'vision':
      return input.organisation.vision ? visionText(input.organisation.vision) : undefined;
    default:
      return undefined;
  }
}
