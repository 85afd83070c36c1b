import { expected, samspeletContext, tableIn } from '../__fixtures__/samspelet';
import { noter } from './noter';

describe('noter, Samspelet årsredovisning 2025', () => {
  it('specifies each note account by account, to the krona', () => {
    const ctx = samspeletContext('ar');
    noter(ctx);
    for (const [note, accounts] of Object.entries(
      expected.arsredovisning_2025.noter as Record<string, Record<string, string>>,
    )) {
      const t = tableIn(ctx, note.split('_')[0]);
      for (const [a, v] of Object.entries(accounts))
        expect([note, a, t.rows.find((x) => x.id === a)?.values[0]]).toEqual([note, a, v]);
    }
  });
});
