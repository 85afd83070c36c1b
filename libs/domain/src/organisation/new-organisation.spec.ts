import { luhnValid, normaliseOrganisationNumber, validateNewOrganisation } from './new-organisation';

describe('a new förbund', () => {
  it('takes an organisationsnummer only with its Luhn check digit', () => {
    expect(luhnValid('2220001234')).toBe(false);
    expect(normaliseOrganisationNumber('222000-1867')).toBe('222000-1867');
    expect(normaliseOrganisationNumber('2220001867')).toBe('222000-1867');
    expect(normaliseOrganisationNumber('16222000-1867')).toBe('222000-1867');
    expect(normaliseOrganisationNumber('222000-1868')).toBeNull();
    expect(normaliseOrganisationNumber('22200-1867')).toBeNull();
    expect(normaliseOrganisationNumber('abc')).toBeNull();
  });

  it('names every wrong field with its JSON path, in Swedish', () => {
    const r = validateNewOrganisation({
      name: '',
      organisationNumber: '222000-1868',
      slug: 'A B',
      forbundschef: { name: 'Eva', email: 'nej' },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.path).sort()).toEqual([
      '$.forbundschef.email',
      '$.name',
      '$.organisationNumber',
      '$.slug',
    ]);
    expect(r.issues.find((i) => i.path === '$.organisationNumber')!.message).toContain('kontrollsiffra');
  });

  it('gives back the number normalised and the e-mail in lower case', () => {
    const r = validateNewOrganisation({
      name: ' Samordningsförbundet Norrsken ',
      organisationNumber: '2220001867',
      slug: 'norrsken',
      forbundschef: { name: 'Eva Ek', email: 'Eva.Ek@Norrsken.example' },
    });
    expect(r).toEqual({
      ok: true,
      organisation: {
        name: 'Samordningsförbundet Norrsken',
        organisationNumber: '222000-1867',
        slug: 'norrsken',
        reportingUnit: 'tkr',
        forbundschef: { name: 'Eva Ek', email: 'eva.ek@norrsken.example' },
      },
    });
  });
});
