import { INSATS_ROLES, Principal, Role } from '@app/domain';

/** Roles that count for a submission: förbund-wide ones, and insats roles for its own insats. */
export function rolesFor(p: Principal, organisationId: string, insatsId: string): Role[] {
  return [
    ...new Set(
      p.grants
        .filter(
          (g) =>
            g.organisationId === organisationId &&
            (!INSATS_ROLES.includes(g.role) || g.insatsId === insatsId),
        )
        .map((g) => g.role),
    ),
  ];
}
