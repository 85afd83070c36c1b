import { delarPeriodEnd, resolveReportSettings } from './report-settings';

describe('a förbund’s report settings', () => {
  it('default to the seeds’ choices: 30 June, budget − utfall, every driftredovisning column', () => {
    expect(resolveReportSettings(null)).toEqual({
      delarEnd: '06-30',
      deviationSign: 'BUDGET_MINUS_UTFALL',
      driftColumns: ['UTFALL', 'BUDGET', 'AVVIKELSE', 'UTFALL_FOREGAENDE_AR'],
    });
  });

  it('take the förbund’s choice and fall back on anything unreadable', () => {
    const s = resolveReportSettings({ delarEnd: '08-31', driftColumns: ['BUDGET', 'UTFALL'] });
    expect(delarPeriodEnd(2025, s)).toBe('2025-08-31');
    expect(s.driftColumns).toEqual(['BUDGET', 'UTFALL']);
    expect(resolveReportSettings({ delarEnd: '09-30' }).delarEnd).toBe('06-30');
    expect(resolveReportSettings({ driftColumns: ['UTFALL', 'UTFALL'] }).driftColumns).toHaveLength(4);
  });
});
