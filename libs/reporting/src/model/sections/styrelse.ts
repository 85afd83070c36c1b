import {
  BoardMandate,
  boardOfYear,
  boardRoleTitle,
  defaultSectionHeading,
  mandatePeriodText,
} from '@app/domain';
import { ReportTable } from '../report-model';
import { BuildContext } from '../build-context';
import { boardMandates } from '../board-mandates';

/**
 * Styrelse och revisorer (issue 18.2): the board as it was in the report's year, not as it is when the report is
 * compiled or signed: each ledamot and ersättare with whoever appointed them and, where a mandate began or ended
 * during the year, when; the revisorer likewise; the gender split when the förbund has recorded everyone's.
 */
export function styrelse(ctx: BuildContext): void {
  const { input, year, parts, tables } = ctx;
  const mandates = boardMandates(input.board);
  // A delårsrapport shows the board up to the end of its period, not those who join later in the year.
  const end = input.current.end;
  const board = boardOfYear(
    mandates.filter((m) => !m.from || m.from <= end),
    year,
  );
  if (!board.ledamoter.length && !board.ersattare.length && !board.revisorer.length) return;
  const table = (id: string, title: string, rows: BoardMandate[], role: (m: BoardMandate) => string) => {
    const t: ReportTable = {
      id,
      title,
      columns: ['Roll', 'Utsedd av', `Period ${year}`],
      rows: rows.map((m, i) => ({
        id: `${id}_${i}`,
        label: m.name,
        values: [role(m), m.appointedBy ?? 'Förbundet', mandatePeriodText(m, year)],
        format: 'text',
      })),
    };
    tables.push(t);
    return t;
  };
  const split = board.genderSplit;
  const text = [
    `Styrelsen och revisorerna under ${year}, med den part som utsett var och en.`,
    split
      ? `Könsfördelning bland ledamöter och ersättare: ${[
          count(split.kvinnor, 'kvinna', 'kvinnor'),
          count(split.man, 'man', 'män'),
          split.annat ? `${split.annat} med annan könstillhörighet` : null,
        ]
          .filter(Boolean)
          .join(', ')
          .replace(/, ([^,]*)$/, ' och $1')}.`
      : null,
  ]
    .filter(Boolean)
    .join(' ');
  // A part of the förvaltningsberättelse (after 1.4), placed and titled by the förbund's report structure.
  parts.set('styrelse', {
    id: 'styrelse',
    title: defaultSectionHeading('styrelse', ctx.kind),
    text,
    tables: [
      table('styrelse_ledamoter', 'Ledamöter', board.ledamoter, boardRoleTitle),
      table('styrelse_ersattare', 'Ersättare', board.ersattare, () => 'Ersättare'),
      table('styrelse_revisorer', 'Revisorer', board.revisorer, boardRoleTitle),
    ].filter((t) => t.rows.length),
  });
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
