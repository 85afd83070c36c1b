import { BoardMandate, MANDATE_ROLES, MandateRole } from '@app/domain';
import { ReportInput } from './report-input';

/** The report input's board as the domain's mandates: ledamöter, ersättare and revisorer, other roles left out. */
export function boardMandates(board: ReportInput['board']): BoardMandate[] {
  return board
    .filter((b): b is typeof b & { role: MandateRole } =>
      (MANDATE_ROLES as readonly string[]).includes(b.role),
    )
    .map((b, i) => ({
      personId: b.personId ?? `${b.name}#${i}`,
      name: b.name,
      role: b.role,
      title: b.title,
      appointedBy: b.party,
      from: b.from ?? null,
      to: b.to ?? null,
      gender: b.gender ?? null,
    }));
}
