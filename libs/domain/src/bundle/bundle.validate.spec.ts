import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateBundle } from './bundle.validate';

const fixture = () =>
  JSON.parse(readFileSync(join(__dirname, '../../../../demo/samspelet/organisation.json'), 'utf8'));

describe('validateBundle', () => {
  it('accepts the Samspelet bundle', () => {
    const r = validateBundle(fixture());
    expect(r.ok).toBe(true);
  });

  it('takes an organisationsnummer optionally, normalised, and refuses one with a wrong check digit', () => {
    const b = fixture();
    expect(b.organisation.organisationNumber).toBeUndefined();
    b.organisation.organisationNumber = '2220001867';
    const r = validateBundle(b);
    expect(r.ok && r.bundle.organisation.organisationNumber).toBe('222000-1867');
    b.organisation.organisationNumber = '222000-1868';
    const bad = validateBundle(b);
    expect(!bad.ok && bad.issues.map((i) => i.path)).toEqual(['$.organisation.organisationNumber']);
  });

  it('lists every planted error with its JSON path, not only the first', () => {
    const b = fixture();
    b.funding[3].amount = '12,5';
    b.costCentres[1].category = 'OKAND';
    b.insatser[0].costCentre = '999';
    b.people[2].roles[0].insats = 'finns-inte';
    delete b.organisation.name;
    const r = validateBundle(b);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.issues.map((i) => i.path).sort();
    expect(paths).toEqual(
      [
        '$.costCentres[1].category',
        '$.funding[3].amount',
        '$.insatser[0].costCentre',
        '$.organisation.name',
        '$.people[2].roles[0].insats',
      ].sort(),
    );
    expect(r.issues.find((i) => i.path === '$.organisation.name')?.message).toBe('obligatoriskt fält saknas');
    expect(r.issues.find((i) => i.path === '$.insatser[0].costCentre')?.message).toContain(
      'okänt kostnadsställe',
    );
  });

  it('requires an insats for insats roles and refuses duplicates', () => {
    const b = fixture();
    delete b.people[2].roles[0].insats;
    b.parties.push({ ...b.parties[0] });
    const r = validateBundle(b);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual(
      expect.arrayContaining([
        { path: '$.people[2].roles[0].insats', message: 'rollen PROJEKTAGARE kräver en insats' },
        expect.objectContaining({ path: '$.parties[7].key' }),
      ]),
    );
  });

  it('refuses something that is not a bundle at all', () => {
    const r = validateBundle('hej');
    expect(r.ok).toBe(false);
  });
});
