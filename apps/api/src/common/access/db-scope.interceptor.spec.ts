import { Principal, Role } from '@app/domain';
import { dbScopeOf } from './db-scope.interceptor';
import type { OperationRule } from './access.decorators';

const A = '0b9f3c1e-1111-4a4a-8a8a-000000000001';
const B = '0b9f3c1e-2222-4a4a-8a8a-000000000002';
const person = (orgs: string[], extra: Partial<Principal> = {}): Principal => ({
  personId: 'p',
  isPlatformAdmin: false,
  grants: orgs.map((organisationId) => ({ organisationId, role: Role.ADMIN, insatsId: null })),
  ...extra,
});
const scoped: OperationRule = { kind: 'scoped', rule: { roles: [Role.ADMIN] }, scope: async () => null };

describe('dbScopeOf (which förbund an operation’s SQL is scoped to)', () => {
  it('a förbund’s operation runs in the förbund its rule found, whoever asks', () => {
    expect(dbScopeOf(scoped, person([A, B]), { organisationId: B })).toEqual({
      kind: 'tenant',
      organisationId: B,
    });
    expect(dbScopeOf(scoped, person([], { isPlatformAdmin: true }), { organisationId: A })).toEqual({
      kind: 'tenant',
      organisationId: A,
    });
  });

  it('an operation for any signed-in person runs in the one förbund of a förbund user', () => {
    expect(dbScopeOf({ kind: 'authenticated' }, person([A, A]))).toEqual({
      kind: 'tenant',
      organisationId: A,
    });
  });

  it('runs unscoped where the förbund is not one: several förbund, the platform, the nation, public routes', () => {
    expect(dbScopeOf({ kind: 'authenticated' }, person([A, B]))).toBeUndefined();
    expect(dbScopeOf({ kind: 'authenticated' }, person([A], { isPlatformAdmin: true }))).toBeUndefined();
    expect(dbScopeOf({ kind: 'authenticated' }, person([A], { isNationalNetwork: true }))).toBeUndefined();
    expect(dbScopeOf({ kind: 'authenticated' }, person([]))).toBeUndefined();
    expect(dbScopeOf({ kind: 'public' }, person([A]))).toBeUndefined();
    expect(dbScopeOf({ kind: 'platform-admin' }, person([A], { isPlatformAdmin: true }))).toBeUndefined();
    expect(dbScopeOf({ kind: 'national-picture' }, person([A], { isNationalNetwork: true }))).toBeUndefined();
  });

  it('refuses a förbund id that is not a uuid (the policies cast it)', () => {
    expect(() => dbScopeOf(scoped, person([A]), { organisationId: "x'; --" })).toThrow(/not a förbund id/);
  });
});
