import { z } from 'zod';
import { ValidationIssue } from '../common/issues';
import { zodIssuesToSwedish } from '../bundle/bundle.validate';
import { PLAN_TEXT_KEYS, PlanTextKey } from './plan-texts';

const amount = z.string().regex(/^\d+(\.\d{1,2})?$/, 'ska vara ett belopp i kronor som decimaltal i text');
const yearKey = z.string().regex(/^\d{4}$/, 'ska vara ett årtal');
const key = z.string().regex(/^[a-z0-9_-]{1,60}$/i, 'ska vara en nyckel av bokstäver, siffror, - och _');

/**
 * A verksamhetsplan och budget as data (DOMAIN.md §8): målområden, the financial goals, the year's allocation
 * and how the kommuner split their quarter, the financing per year, the buffer, and the budget per cost
 * centre for the plan year and two prognosis years. Amounts are decimal strings in kronor.
 */
export const planSchema = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  texts: z
    .partialRecord(z.enum(Object.keys(PLAN_TEXT_KEYS) as [PlanTextKey]), z.string().max(20000))
    .default({}),
  malomraden: z
    .array(z.strictObject({ key, title: z.string().min(1).max(300), text: z.string().max(20000).optional() }))
    .default([]),
  financialGoals: z
    .array(
      z.strictObject({
        key,
        text: z.string().min(1).max(500),
        metric: z.string().min(1),
        op: z.enum(['<=', '>=', '<', '>', '=']),
        value: z.string().regex(/^-?\d+(\.\d+)?$/, 'ska vara ett decimaltal i text'),
      }),
    )
    .default([]),
  /** The insatser the plan funds: their mätpunkter for the plan year, which the follow-ups measure once decided. */
  insatser: z
    .array(
      z.strictObject({
        key,
        matpunkter: z
          .array(
            z.strictObject({
              key,
              text: z.string().min(1).max(1000),
              metric: z.string().max(100).optional(),
              op: z.enum(['<=', '>=', '<', '>', '=']).optional(),
              target: z
                .string()
                .regex(/^-?\d+(\.\d+)?$/, 'ska vara ett decimaltal i text')
                .optional(),
            }),
          )
          .default([]),
      }),
    )
    .default([]),
  /** Goal changes against last year's goals that the förbundschef has confirmed, by metric. */
  confirmedGoalChanges: z.array(z.string()).default([]),
  allocation: z.strictObject({
    total: amount,
    /** The kommuner's quarter, split by their agreed key: party key → amount in kronor. */
    kommunKey: z.record(key, amount),
  }),
  /** Financing beside the parties' allocation, per year: equity carried over, ESF, other income. */
  financing: z
    .record(
      yearKey,
      z.strictObject({ fromEquity: amount.optional(), esf: amount.optional(), other: amount.optional() }),
    )
    .default({}),
  buffer: amount,
  /** Budget per cost centre (code) and year. */
  lines: z.record(z.string().regex(/^\d{1,10}$/, 'ska vara ett kostnadsställe'), z.record(yearKey, amount)),
});
export type Plan = z.infer<typeof planSchema>;
export type PlanInput = z.input<typeof planSchema>;

/** Validates a plan: every error with its JSON path; the years must be the plan's three. */
export function validatePlan(
  input: unknown,
): { ok: true; plan: Plan } | { ok: false; issues: ValidationIssue[] } {
  const parsed = planSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: zodIssuesToSwedish(parsed.error.issues) };
  const plan = parsed.data;
  const years = planYears(plan.year).map(String);
  const issues: ValidationIssue[] = [];
  for (const y of Object.keys(plan.financing))
    if (!years.includes(y))
      issues.push({ path: `$.financing.${y}`, message: `ska vara ett av åren ${years.join(', ')}` });
  for (const [cc, byYear] of Object.entries(plan.lines))
    for (const y of Object.keys(byYear))
      if (!years.includes(y))
        issues.push({
          path: `$.lines["${cc}"]["${y}"]`,
          message: `ska vara ett av åren ${years.join(', ')}`,
        });
  return issues.length ? { ok: false, issues } : { ok: true, plan };
}

/** The plan year and its two prognosis years. */
export function planYears(year: number): [number, number, number] {
  return [year, year + 1, year + 2];
}
