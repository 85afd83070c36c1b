import { boardTable } from './board';

describe('the board under 1.4', () => {
  it('pairs each ordinarie ledamot with the ersättare of the same party, chair first, and names who appointed them', () => {
    const t = boardTable([
      { name: 'Peter Berglund', role: 'STYRELSELEDAMOT', title: null, party: 'Hammarö kommun' },
      { name: 'Marianne Ohlsson', role: 'STYRELSEERSATTARE', title: null, party: 'Hammarö kommun' },
      { name: 'Björn Eriksson', role: 'STYRELSELEDAMOT', title: 'ORDFORANDE', party: 'Arbetsförmedlingen' },
      { name: 'Lena Hertzberg', role: 'STYRELSEERSATTARE', title: null, party: 'Arbetsförmedlingen' },
      { name: 'Utan ledamot', role: 'STYRELSEERSATTARE', title: null, party: 'Region Värmland' },
      { name: 'Revisor', role: 'REVISOR', title: 'Förtroendevald revisor', party: null },
    ]);
    expect(t.labelHeader).toBe('Ordinarie ledamot');
    expect(t.columns).toEqual(['Ersättare', 'Utsedd av']);
    expect(t.rows.map((r) => [r.label, ...r.values])).toEqual([
      ['Björn Eriksson, ordförande', 'Lena Hertzberg', 'Arbetsförmedlingen'],
      ['Peter Berglund', 'Marianne Ohlsson', 'Hammarö kommun'],
      ['–', 'Utan ledamot', 'Region Värmland'],
    ]);
  });
});
