import { close, expected, samspeletContext } from '../__fixtures__/samspelet';
import { financialGoals } from './goals';

describe('financial goals, Samspelet årsredovisning 2025', () => {
  it('measures each goal and judges it as the published report should', () => {
    const goals = financialGoals(samspeletContext('ar'));
    for (const g of expected.arsredovisning_2025.financialGoals) {
      const got = goals.find((x) => x.key === g.key)!;
      expect([g.key, got.status, close(got.value, g.value)]).toEqual([g.key, g.status, true]);
    }
  });
});
