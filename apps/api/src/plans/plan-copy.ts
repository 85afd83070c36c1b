import { Plan, planYears } from '@app/domain';

/** A new, empty plan for the year: every amount zero, nothing to type twice once a plan is decided. */
export function emptyPlan(year: number): Plan {
  return {
    year,
    texts: {},
    malomraden: [],
    insatser: [],
    financialGoals: [],
    confirmedGoalChanges: [],
    allocation: { total: '0', kommunKey: {} },
    financing: {},
    buffer: '0',
    lines: {},
  };
}

/**
 * Next year's plan from the last decided one: texts, målområden, goals, allocation and buffer carried over;
 * each cost line's prognosis years move one step (the last prognosis year repeats), confirmations reset.
 */
export function nextYearFrom(previous: Plan, year: number): Plan {
  const [y0, y1, y2] = planYears(year).map(String);
  const lines: Plan['lines'] = {};
  for (const [cc, byYear] of Object.entries(previous.lines)) {
    const last = byYear[y1] ?? byYear[y0] ?? '0';
    lines[cc] = { [y0]: byYear[y0] ?? '0', [y1]: byYear[y1] ?? last, [y2]: last };
  }
  const financing: Plan['financing'] = {};
  for (const y of [y0, y1, y2]) {
    const f = previous.financing[y];
    if (f) financing[y] = { ...(f.esf ? { esf: f.esf } : {}), ...(f.other ? { other: f.other } : {}) };
  }
  return {
    ...structuredClone(previous),
    year,
    confirmedGoalChanges: [],
    financing,
    lines,
  };
}
