import { BOARD_TABLE_COLUMNS, boardTitleRank, TITLE_LABEL } from '@app/domain';
import { ReportInput } from '../report-input';
import { ReportTable } from '../report-model';

type BoardPerson = ReportInput['board'][number];

/**
 * The styrelse as the seed prints it under 1.4: each ordinarie ledamot (with the title), the ersättare
 * appointed by the same party beside them, and who appointed them. One small function on purpose: the
 * mandates (periods, gender split) extend it here.
 */
export function boardTable(board: ReportInput['board']): ReportTable {
  const members = board
    .filter((b) => b.role === 'STYRELSELEDAMOT')
    .sort((a, b) => boardTitleRank(a.title) - boardTitleRank(b.title));
  const deputies = board.filter((b) => b.role === 'STYRELSEERSATTARE');
  const used = new Set<BoardPerson>();
  const deputyOf = (m: BoardPerson) => {
    const d = deputies.find((x) => !used.has(x) && x.party !== null && x.party === m.party);
    if (d) used.add(d);
    return d ?? null;
  };
  const rows = members.map((m, i) => ({
    id: `ledamot_${i + 1}`,
    label: m.title && TITLE_LABEL[m.title] ? `${m.name}, ${TITLE_LABEL[m.title]}` : m.name,
    values: [deputyOf(m)?.name ?? '–', m.party ?? '–'],
    format: 'text' as const,
  }));
  // Ersättare without a ledamot of their party still belong to the board.
  deputies
    .filter((d) => !used.has(d))
    .forEach((d, i) =>
      rows.push({ id: `ersattare_${i + 1}`, label: '–', values: [d.name, d.party ?? '–'], format: 'text' }),
    );
  return {
    id: 'styrelsen',
    title: 'Styrelsen',
    labelHeader: BOARD_TABLE_COLUMNS.member,
    columns: [BOARD_TABLE_COLUMNS.deputy, BOARD_TABLE_COLUMNS.party],
    rows,
  };
}
