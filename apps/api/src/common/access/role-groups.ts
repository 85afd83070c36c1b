import { Role } from '@app/domain';

/** Who reads compiled reports and their signing (DOMAIN.md §1): the förbund's office, board and auditors. */
export const REPORT_READERS: readonly Role[] = [
  Role.FORBUNDSCHEF,
  Role.ADMIN,
  Role.STYRELSELEDAMOT,
  Role.STYRELSEERSATTARE,
  Role.REVISOR,
  Role.BEREDNINGSGRUPP,
];
