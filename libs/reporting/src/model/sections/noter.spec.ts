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

describe('noter with both years', () => {
  it('prints last year’s column beside this year’s, from the previous ledger, and checks both', () => {
    const ctx = samspeletContext('ar');
    noter(ctx);
    const col = (id: string, account: string) => tableIn(ctx, id).rows.find((r) => r.id === account)?.values;
    expect(tableIn(ctx, 'not2').columns).toEqual(['2025', '2024']);
    expect(col('not2', '3010')).toEqual(['5003000.00', '5014000.00']);
    expect(col('not3', '6990')?.[1]).toBe('1551000.00');
    expect(tableIn(ctx, 'not4').columns).toEqual(['2025-12-31', '2024-12-31']);
    expect(col('not4', '1680')).toEqual(['105000.00', '182000.00']);
    expect(col('not5', '2440')).toEqual(['18000.00', '3371000.00']);
    expect(col('not5', 'summa')).toEqual(['3784000.00', '3412000.00']);
    const checks = ctx.checks.filter((c) => c.id.startsWith('not_'));
    expect(checks).toHaveLength(8);
    expect(checks.every((c) => c.status === 'PASS')).toBe(true);
  });

  it('compares the delårsrapport’s notes with the same period last year and with last year-end', () => {
    const ctx = samspeletContext('delar');
    noter(ctx);
    expect(tableIn(ctx, 'not2').columns[1]).toBe('Motsv. period 2024');
    expect(tableIn(ctx, 'not4').columns[1]).toBe('2024-12-31');
    expect(ctx.checks.filter((c) => c.id.startsWith('not_')).every((c) => c.status === 'PASS')).toBe(true);
  });
});
