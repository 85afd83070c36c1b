import { isAllowed, Principal, Role } from './roles';

const A = 'org-a';
const B = 'org-b';
const p = (grants: Principal['grants'], isPlatformAdmin = false): Principal => ({
  personId: 'x',
  isPlatformAdmin,
  grants,
});

describe('isAllowed', () => {
  it('lets a förbund-wide role act anywhere in its own förbund, never in another', () => {
    const chef = p([{ organisationId: A, role: Role.FORBUNDSCHEF, insatsId: null }]);
    expect(isAllowed(chef, { roles: [Role.FORBUNDSCHEF] }, { organisationId: A })).toBe(true);
    expect(isAllowed(chef, { roles: [Role.FORBUNDSCHEF] }, { organisationId: A, insatsId: 'i1' })).toBe(true);
    expect(isAllowed(chef, { roles: [Role.FORBUNDSCHEF] }, { organisationId: B })).toBe(false);
    expect(isAllowed(chef, { roles: [Role.ADMIN] }, { organisationId: A })).toBe(false);
  });

  it('lets an insats role act only on its own insats', () => {
    const owner = p([{ organisationId: A, role: Role.PROJEKTAGARE, insatsId: 'i1' }]);
    const rule = { roles: [Role.PROJEKTAGARE] };
    expect(isAllowed(owner, rule, { organisationId: A, insatsId: 'i1' })).toBe(true);
    expect(isAllowed(owner, rule, { organisationId: A, insatsId: 'i2' })).toBe(false);
    expect(isAllowed(owner, rule, { organisationId: A })).toBe(false);
    expect(isAllowed(owner, { ...rule, insatsRolesReachOrganisation: true }, { organisationId: A })).toBe(
      true,
    );
    expect(isAllowed(owner, { ...rule, insatsRolesReachOrganisation: true }, { organisationId: B })).toBe(
      false,
    );
  });

  it('gives the platform admin only what a rule grants it', () => {
    const admin = p([], true);
    expect(isAllowed(admin, { roles: [Role.ADMIN] }, { organisationId: A })).toBe(false);
    expect(isAllowed(admin, { roles: [Role.ADMIN], platformAdmin: true }, { organisationId: A })).toBe(true);
  });
});
