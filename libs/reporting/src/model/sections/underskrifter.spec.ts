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
    expect(sig.boardAsOf).toEqual({
      date: '2026-03-20',
      basis: 'DECISION',
      text: 'Styrelsen enligt uppdrag den 20 mars 2026, dagen för styrelsens beslut om årsredovisningen.',
    });
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
    expect(sig.boardAsOf).toEqual({
      date: '2025-12-31',
      basis: 'YEAR_END',
      text: 'Styrelsen enligt uppdrag den 31 december 2025, räkenskapsårets sista dag. Beslutsdatum är ännu inte fastställt; de som skriver under är de som har uppdrag den dag styrelsen beslutar.',
    });
  });

  it('before any signing request, lists the board on the planned decision date, else on the compile date, and says so', () => {
    const planned = signatures({
      ...samspeletInput('ar'),
      board: [anna, bo, rut],
      signers: { decisionDate: '2026-03-20', basis: 'PLANNED', board: [bo, cilla, rut] },
    })!;
    // not a decision yet: the signing request will name it
    expect(planned.decisionDate).toBeNull();
    expect(planned.groups[0].signers.map((s) => s.name)).toEqual(['Cilla', 'Bo']);
    expect(planned.boardAsOf?.text).toBe(
      'Styrelsen enligt uppdrag den 20 mars 2026, den dag styrelsen planerar att besluta om årsredovisningen. Beslutsdatum är ännu inte fastställt; de som skriver under är de som har uppdrag den dag styrelsen beslutar.',
    );
    const compiled = signatures({
      ...samspeletInput('ar'),
      board: [anna, bo, rut],
      signers: { decisionDate: '2026-02-12', basis: 'COMPILED', board: [anna, bo, rut] },
    })!;
    expect(compiled.decisionDate).toBeNull();
    expect(compiled.groups[0].signers.map((s) => s.name)).toEqual(['Anna', 'Bo']);
    expect(compiled.boardAsOf).toEqual({
      date: '2026-02-12',
      basis: 'COMPILED',
      text: expect.stringMatching(
        /^Styrelsen enligt uppdrag den 12 februari 2026, dagen då årsredovisningen sammanställdes\. Beslutsdatum är ännu inte fastställt;/,
      ),
    });
  });

  it('is not part of a delårsrapport', () => {
    expect(signatures({ ...samspeletInput('delar'), board: [anna, bo] })).toBeUndefined();
  });
});
