import { createBuildContext } from '../build-context';
import { samspeletInput } from '../__fixtures__/samspelet';
import { underskrifter } from './underskrifter';

const anna = {
  personId: 'a',
  name: 'Anna',
  role: 'STYRELSELEDAMOT',
  title: 'ORDFORANDE',
  party: 'Region Värmland',
  to: '2026-02-28',
};
const bo = { personId: 'b', name: 'Bo', role: 'STYRELSELEDAMOT', title: null, party: 'Karlstads kommun' };
const cilla = {
  personId: 'c',
  name: 'Cilla',
  role: 'STYRELSELEDAMOT',
  title: 'ORDFORANDE',
  party: 'Region Värmland',
  from: '2026-03-01',
};
const rut = {
  personId: 'r',
  name: 'Rut',
  role: 'REVISOR',
  title: 'Auktoriserad revisor',
  party: 'Region Värmland',
};
const dan = { personId: 'd', name: 'Dan', role: 'STYRELSEERSATTARE', title: null, party: 'Region Värmland' };

const signatures = (input: ReturnType<typeof samspeletInput>) => {
  const ctx = createBuildContext(input);
  underskrifter(ctx);
  return ctx.sections.find((s) => s.id === 'underskrifter')?.signatures;
};

describe('Styrelsens underskrift', () => {
  it('names the board sitting at the decision date: a mandate that ended in between is gone', () => {
    const sig = signatures({
      ...samspeletInput('ar'),
      board: [anna, bo, rut, dan],
      signers: { decisionDate: '2026-03-20', board: [bo, cilla, rut] },
    })!;
    expect(sig.decisionDate).toBe('2026-03-20');
    expect(sig.groups).toEqual([
      {
        signers: [
          { name: 'Cilla', title: 'Ordförande' },
          { name: 'Bo', title: 'Ledamot' },
        ],
      },
      {
        intro: 'Revisionsberättelse har avgivits den dag som framgår av digital signatur.',
        signers: [{ name: 'Rut', title: 'Auktoriserad revisor, för Region Värmland' }],
      },
    ]);
    expect(sig.statement).toMatch(/^Vi intygar att årsredovisningen ger en rättvisande bild/);
    expect(sig.placeAndDate).toBe('Ort och datum');
  });

  it('without a decision date names the board at year-end; ersättare do not sign', () => {
    const sig = signatures({ ...samspeletInput('ar'), board: [anna, bo, rut, dan] })!;
    expect(sig.decisionDate).toBeNull();
    expect(sig.groups.flatMap((g) => g.signers.map((s) => s.name))).toEqual(['Anna', 'Bo', 'Rut']);
  });

  it('is not part of a delårsrapport', () => {
    expect(signatures({ ...samspeletInput('delar'), board: [anna, bo] })).toBeUndefined();
  });
});
