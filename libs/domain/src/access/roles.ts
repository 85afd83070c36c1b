/** The roles of DOMAIN.md §1. */
export enum Role {
  ADMIN = 'ADMIN',
  FORBUNDSCHEF = 'FORBUNDSCHEF',
  PROJEKTAGARE = 'PROJEKTAGARE',
  STYRGRUPP = 'STYRGRUPP',
  STYRELSELEDAMOT = 'STYRELSELEDAMOT',
  STYRELSEERSATTARE = 'STYRELSEERSATTARE',
  REVISOR = 'REVISOR',
  BEREDNINGSGRUPP = 'BEREDNINGSGRUPP',
}

export const ALL_ROLES: readonly Role[] = Object.values(Role);

/** Roles that hold for one insats rather than the whole förbund. */
export const INSATS_ROLES: readonly Role[] = [Role.PROJEKTAGARE, Role.STYRGRUPP];

export enum BoardTitle {
  ORDFORANDE = 'ORDFORANDE',
  VICE_ORDFORANDE = 'VICE_ORDFORANDE',
}

export interface RoleGrant {
  organisationId: string;
  role: Role;
  insatsId: string | null;
}

/** Who is asking: the person's grants across all förbund, and whether they run the installation. */
export interface Principal {
  personId: string;
  isPlatformAdmin: boolean;
  /** An account of the national network (NNS): the national roll-up only, never a förbund's data. */
  isNationalNetwork?: boolean;
  grants: readonly RoleGrant[];
}

/** What an operation touches: always a förbund, sometimes one insats of it. */
export interface AccessScope {
  organisationId: string;
  insatsId?: string | null;
}

/** A declarative rule: which roles may act on a scope. Insats roles only count for their own insats. */
export interface AccessRule {
  roles: readonly Role[];
  /** The platform admin may also act (organisation set-up); never implied otherwise. */
  platformAdmin?: boolean;
  /**
   * For förbund-level reads whose resolver narrows the result itself: an insats role reaches the förbund
   * through any of its insatser.
   */
  insatsRolesReachOrganisation?: boolean;
}

export function rolesIn(principal: Principal, organisationId: string): Role[] {
  return [...new Set(principal.grants.filter((g) => g.organisationId === organisationId).map((g) => g.role))];
}

export function isMemberOf(principal: Principal, organisationId: string): boolean {
  return principal.grants.some((g) => g.organisationId === organisationId);
}

/** The insatser an insats role reaches, within one förbund. */
export function insatserFor(
  principal: Principal,
  organisationId: string,
  roles: readonly Role[] = INSATS_ROLES,
): string[] {
  return principal.grants
    .filter((g) => g.organisationId === organisationId && roles.includes(g.role) && g.insatsId)
    .map((g) => g.insatsId as string);
}

/** Decides a rule for a scope. Förbund-wide roles match any insats; insats roles only their own. */
export function isAllowed(principal: Principal, rule: AccessRule, scope: AccessScope | null): boolean {
  if (rule.platformAdmin && principal.isPlatformAdmin) return true;
  if (!scope) return false;
  return principal.grants.some((g) => {
    if (g.organisationId !== scope.organisationId || !rule.roles.includes(g.role)) return false;
    if (!INSATS_ROLES.includes(g.role)) return true;
    // An insats role on a förbund-wide object (no insats in scope) does not reach it, unless the rule says so.
    if (!scope.insatsId) return !!rule.insatsRolesReachOrganisation;
    return g.insatsId === scope.insatsId;
  });
}
