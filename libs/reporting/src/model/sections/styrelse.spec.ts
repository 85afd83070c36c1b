import { createBuildContext } from '../build-context';
import { samspeletInput } from '../__fixtures__/samspelet';
import { underskrifter } from './underskrifter';
import { styrelse } from './styrelse';

const board = [
  {
    personId: 'a',
    name: 'Anna',
    role: 'STYRELSELEDAMOT',
    title: 'ORDFORANDE',
    party: 'Region Värmland',
    to: '2026-03-31',
    gender: 'KVINNA' as const,
  },
  {
    personId: 'b',
    name: 'Bo',
    role: 'STYRELSELEDAMOT',
    title: null,
    party: 'Karlstads kommun',
    from: '2025-05-01',
    gender: 'MAN' as const,
  },
  {
    personId: 'c',
    name: 'Cilla',
    role: 'STYRELSELEDAMOT',
    title: 'VICE_ORDFORANDE',
    party: 'Försäkringskassan',
    to: '2025-04-30',
    gender: 'KVINNA' as const,
  },
  {
    personId: 'd',
    name: 'Dan',
    role: 'STYRELSEERSATTARE',
    title: null,
    party: 'Region Värmland',
    gender: 'MAN' as const,
  },
  { personId: 'r', name: 'Rut', role: 'REVISOR', title: 'Auktoriserad revisor', party: null },
];

describe('Styrelse och revisorer', () => {
  it('prints the board of the year with who appointed each, the periods and the gender split', () => {
    const ctx = createBuildContext({ ...samspeletInput('ar'), board });
    styrelse(ctx);
    const section = ctx.parts.get('styrelse')!;
    expect(section.text).toContain('Könsfördelning bland ledamöter och ersättare: 2 kvinnor och 2 män.');
    const rows = (id: string) =>
      section.tables.find((t) => t.id === id)!.rows.map((r) => [r.label, ...r.values]);
    expect(rows('styrelse_ledamoter')).toEqual([
      ['Anna', 'Ordförande', 'Region Värmland', 'hela året'],
      ['Cilla', 'Vice ordförande', 'Försäkringskassan', 'till 2025-04-30'],
      ['Bo', 'Ledamot', 'Karlstads kommun', 'från 2025-05-01'],
    ]);
    expect(rows('styrelse_ersattare')).toEqual([['Dan', 'Ersättare', 'Region Värmland', 'hela året']]);
    expect(rows('styrelse_revisorer')).toEqual([['Rut', 'Auktoriserad revisor', 'Förbundet', 'hela året']]);
  });

  it('leaves the gender split out when it is not recorded for everyone', () => {
    const ctx = createBuildContext({
      ...samspeletInput('ar'),
      board: board.map(({ gender: _g, ...b }) => b),
    });
    styrelse(ctx);
    expect(ctx.parts.get('styrelse')!.text).not.toContain('Könsfördelning');
  });

  it('names the board at year-end under the signature heading', () => {
    const ctx = createBuildContext({ ...samspeletInput('ar'), board });
    underskrifter(ctx);
    const sig = ctx.sections.find((s) => s.id === 'underskrifter')!.signatures!;
    expect(sig.groups.map((g) => g.signers.map((s) => s.name))).toEqual([['Anna', 'Bo'], ['Rut']]);
  });
});
