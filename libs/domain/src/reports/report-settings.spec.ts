import {
  delarPeriodEnd,
  plannedDecisionDateFor,
  signersDay,
  reportSettingsSchema,
  resolveReportSettings,
} from './report-settings';

describe('a förbund’s report settings', () => {
  it('default to the seeds’ choices: 30 June, budget − utfall, every driftredovisning column', () => {
    expect(resolveReportSettings(null)).toEqual({
      delarEnd: '06-30',
      deviationSign: 'BUDGET_MINUS_UTFALL',
      driftColumns: ['UTFALL', 'BUDGET', 'AVVIKELSE', 'UTFALL_FOREGAENDE_AR'],
      plannedDecisionDate: null,
    });
  });

  it('take the förbund’s choice and fall back on anything unreadable', () => {
    const s = resolveReportSettings({ delarEnd: '08-31', driftColumns: ['BUDGET', 'UTFALL'] });
    expect(delarPeriodEnd(2025, s)).toBe('2025-08-31');
    expect(s.driftColumns).toEqual(['BUDGET', 'UTFALL']);
    expect(resolveReportSettings({ delarEnd: '09-30' }).delarEnd).toBe('06-30');
    expect(resolveReportSettings({ driftColumns: ['UTFALL', 'UTFALL'] }).driftColumns).toHaveLength(4);
  });

  it('hold a planned decision date that counts for the årsredovisning of the year before it', () => {
    const s = resolveReportSettings({ plannedDecisionDate: '2026-03-20' });
    expect(s.plannedDecisionDate).toBe('2026-03-20');
    expect(plannedDecisionDateFor(s, 2025)).toBe('2026-03-20');
    // a plan left from last year, or one for a later year, does not count
    expect(plannedDecisionDateFor(s, 2026)).toBeNull();
    expect(plannedDecisionDateFor(s, 2024)).toBeNull();
    expect(plannedDecisionDateFor(resolveReportSettings(null), 2025)).toBeNull();
    for (const bad of ['2026-02-30', '20-03-2026', '2026-3-20'])
      expect([bad, reportSettingsSchema.safeParse({ plannedDecisionDate: bad }).success]).toEqual([
        bad,
        false,
      ]);
    expect(reportSettingsSchema.safeParse({ plannedDecisionDate: null }).success).toBe(true);
  });

  it('choose the day whose board signs: the request’s decision, else the plan, else today, never before the year-end', () => {
    const day = (requestDate: string | null, planned: string | null, today: string) =>
      signersDay({ requestDate, planned, today, year: 2025 });
    expect(day('2026-03-24', '2026-03-20', '2026-02-01')).toEqual({ date: '2026-03-24', basis: 'DECISION' });
    expect(day(null, '2026-03-20', '2026-02-01')).toEqual({ date: '2026-03-20', basis: 'PLANNED' });
    expect(day(null, null, '2026-02-01')).toEqual({ date: '2026-02-01', basis: 'COMPILED' });
    expect(day(null, null, '2025-11-23')).toEqual({ date: '2025-12-31', basis: 'YEAR_END' });
  });
});
