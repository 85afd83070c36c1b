import { samspeletInput } from './__fixtures__/samspelet';
import { buildReport } from './build-report';

describe('buildReport, Samspelet 2025', () => {
  it.each(['ar', 'delar'] as const)('%s: every check passes', (kind) => {
    const model = buildReport(samspeletInput(kind));
    expect(model.checks.filter((c) => c.status === 'FAIL')).toEqual([]);
    if (kind === 'ar') expect(model.checks.length).toBeGreaterThan(20);
    expect(new Set(model.checks.map((c) => c.id)).size).toBe(model.checks.length);
  });

  it('is pure: the same input gives the same model', () => {
    expect(JSON.stringify(buildReport(samspeletInput('ar')))).toBe(
      JSON.stringify(buildReport(samspeletInput('ar'))),
    );
  });
});
