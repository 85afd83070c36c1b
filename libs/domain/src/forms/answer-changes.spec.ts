import { answerChanges } from './answer-changes';

describe('answerChanges: what changed between two versions of a follow-up', () => {
  it('lists changed leaves by JSON path, rows by index, and ignores empty against empty', () => {
    const before = {
      verksamhet: 'Som förut.',
      deltagare: { avslutade: '10', kommentar: null },
      resultat: [{ utfall: '5', bedomning: 'UPPFYLLT' }],
    };
    const after = {
      verksamhet: 'Som förut.',
      deltagare: { avslutade: '12', kommentar: '' },
      resultat: [{ utfall: '5', bedomning: 'DELVIS' }, { utfall: '3' }],
    };
    expect(answerChanges(before, after)).toEqual([
      { path: '$.deltagare.avslutade', before: '10', after: '12' },
      { path: '$.resultat[0].bedomning', before: 'UPPFYLLT', after: 'DELVIS' },
      { path: '$.resultat[1].utfall', before: null, after: '3' },
    ]);
  });

  it('compares a whole section as one value when asked (a list of bilagor)', () => {
    const a = { bilagor: [{ fileId: 'x', name: 'a.pdf' }] };
    const b = { bilagor: [{ fileId: 'y', name: 'b.pdf' }] };
    expect(answerChanges(a, b, ['bilagor'])).toEqual([
      { path: '$.bilagor', before: a.bilagor, after: b.bilagor },
    ]);
    expect(answerChanges(a, a, ['bilagor'])).toEqual([]);
  });
});
