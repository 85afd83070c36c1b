import { kansliMayRename, validatePersonProfile } from './person-profile';

describe('a person’s own profile', () => {
  it('trims the name and lowercases the e-mail', () => {
    expect(validatePersonProfile({ name: '  Anna Berg ', email: ' Anna.Berg@Exempel.SE ' })).toEqual({
      ok: true,
      profile: { name: 'Anna Berg', email: 'anna.berg@exempel.se' },
    });
  });

  it('says in Swedish which field is wrong', () => {
    const r = validatePersonProfile({ name: ' ', email: 'inte-en-adress' });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues).toEqual([
        { path: '$.name', message: 'får inte vara tom' },
        { path: '$.email', message: 'är ingen giltig e-postadress' },
      ]);
  });

  it('lets a kansli rename only someone nobody else has yet', () => {
    const nobodyElse = { hasPassword: false, otherOrganisations: 0, isPlatformAdmin: false };
    expect(kansliMayRename(nobodyElse)).toBe(true);
    expect(kansliMayRename({ ...nobodyElse, hasPassword: true })).toBe(false);
    expect(kansliMayRename({ ...nobodyElse, otherOrganisations: 1 })).toBe(false);
    expect(kansliMayRename({ ...nobodyElse, isPlatformAdmin: true })).toBe(false);
  });
});
