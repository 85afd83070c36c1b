import { financingOf, financingRows } from './financing';
import { validateBundle } from '../bundle/bundle.validate';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const demo = () =>
  JSON.parse(
    readFileSync(join(__dirname, '..', '..', '..', '..', 'demo', 'samspelet', 'organisation.json'), 'utf8'),
  );

describe('financing rows named by the förbund', () => {
  it('reads the old fixed keys as rows with Swedish labels', () => {
    expect(
      financingRows({ fromParties: '10006000', fromEquity: '861000', esf: '600000', other: '5' }),
    ).toEqual([
      { label: 'Medlemmarnas tilldelning', amount: '10006000', source: 'PARTIES' },
      { label: 'Eget kapital', amount: '861000', source: 'EQUITY' },
      { label: 'ESF', amount: '600000', source: 'ESF' },
      { label: 'Övriga intäkter', amount: '5', source: 'OTHER' },
    ]);
  });

  it('keeps the förbund’s own rows, in its order; a row without a kind counts as other', () => {
    const rows = financingRows([
      { label: 'Försäkringskassan', amount: '5000000', source: 'PARTIES' },
      { label: 'Kommunerna', amount: '2500000', source: 'PARTIES' },
      { label: 'NNS-uppdrag', amount: '150000', source: 'NNS' },
      { label: 'Gåva', amount: '1000' },
    ]);
    expect(rows.map((r) => r.label)).toEqual(['Försäkringskassan', 'Kommunerna', 'NNS-uppdrag', 'Gåva']);
    expect(rows[3].source).toBe('OTHER');
    expect(financingOf(rows, 'PARTIES')!.toString()).toBe('7500000');
    expect(financingOf(rows, 'ESF')).toBeNull();
    expect(financingRows(null)).toEqual([]);
  });

  it('the bundle accepts both shapes, and income only on a line of the same decision', () => {
    const b = demo();
    expect(validateBundle(b).ok).toBe(true);
    b.budgets[0].financing = [
      { label: 'Medlemmarnas tilldelning', amount: '10006000', source: 'PARTIES' },
      { label: 'ESF-rådet', amount: '600000', source: 'ESF' },
    ];
    b.organisation.reportSettings = { delarEnd: '08-31', deviationSign: 'UTFALL_MINUS_BUDGET' };
    expect(validateBundle(b).ok).toBe(true);
    b.budgets[0].lineIncome = { '999': { amount: '1', source: 'ESF' } };
    const bad = validateBundle(b);
    expect(bad.ok).toBe(false);
    expect(JSON.stringify(bad)).toContain('har ingen budgetrad i beslutet');
    const wrong = demo();
    wrong.organisation.reportSettings = { delarEnd: '09-30' };
    expect(validateBundle(wrong).ok).toBe(false);
  });
});
