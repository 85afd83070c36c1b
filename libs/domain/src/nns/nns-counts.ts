import { z } from 'zod';
import { ValidationIssue } from '../common/issues';
import { zodIssuesToSwedish } from '../bundle/bundle.validate';
import { ANSWER_OPTIONS, AnswerOption, NnsCatalogue, SURVEY_GROUPS, SurveyGroup } from './nns-catalogue';

const count = z.number().int().min(0).max(1_000_000);

/** Answer counts of one year (CONTRACT.md §6): from a paper round, another tool, or the platform's own rounds. */
export const surveyCountsSchema = z.strictObject({
  year: z.number().int().optional(),
  note: z.string().optional(),
  collected: z
    .partialRecord(z.enum(SURVEY_GROUPS), z.strictObject({ asked: count, answered: count }))
    .optional(),
  responses: z
    .array(
      z.strictObject({
        survey: z.enum(SURVEY_GROUPS),
        question: z.number().int().positive(),
        counts: z.partialRecord(z.enum(ANSWER_OPTIONS as [AnswerOption, ...AnswerOption[]]), count),
      }),
    )
    .max(2000),
});
export type SurveyCounts = z.infer<typeof surveyCountsSchema>;

/**
 * Checks counts against the catalogue: known questions only, each question once, answered ≤ asked, and
 * no question with more answers than the group's answered count. Every error is returned with its path.
 */
export function validateSurveyCounts(
  input: unknown,
  catalogue: NnsCatalogue,
): { ok: true; counts: SurveyCounts } | { ok: false; issues: ValidationIssue[] } {
  const parsed = surveyCountsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: zodIssuesToSwedish(parsed.error.issues) };
  const c = parsed.data;
  const issues: ValidationIssue[] = [];
  const known = new Set(catalogue.questions.map((q) => `${q.survey}:${q.number}`));
  const seen = new Set<string>();
  for (const [g, v] of Object.entries(c.collected ?? {}) as Array<
    [SurveyGroup, { asked: number; answered: number }]
  >) {
    if (v.answered > v.asked)
      issues.push({
        path: `$.collected.${g}.answered`,
        message: `fler svar (${v.answered}) än tillfrågade (${v.asked})`,
      });
  }
  c.responses.forEach((r, i) => {
    const key = `${r.survey}:${r.question}`;
    if (!known.has(key))
      issues.push({
        path: `$.responses[${i}].question`,
        message: `fråga ${r.question} finns inte i katalogens enkät för ${r.survey}`,
      });
    if (seen.has(key))
      issues.push({
        path: `$.responses[${i}]`,
        message: `fråga ${r.question} i ${r.survey} förekommer två gånger`,
      });
    seen.add(key);
    const total = Object.values(r.counts).reduce<number>((a, b) => a + (b ?? 0), 0);
    const answered = c.collected?.[r.survey]?.answered;
    if (answered !== undefined && total > answered)
      issues.push({
        path: `$.responses[${i}].counts`,
        message: `${total} svar på frågan men bara ${answered} svarande i gruppen`,
      });
  });
  return issues.length ? { ok: false, issues } : { ok: true, counts: c };
}

/**
 * Adds up several förbund's counts (the national roll-up): per group the asked and answered, per question
 * each option's count. Sums of counts, never of shares.
 */
export function sumSurveyCounts(all: readonly SurveyCounts[]): SurveyCounts {
  const collected: NonNullable<SurveyCounts['collected']> = {};
  const responses = new Map<string, SurveyCounts['responses'][number]>();
  for (const c of all) {
    for (const [g, v] of Object.entries(c.collected ?? {}) as Array<
      [SurveyGroup, { asked: number; answered: number }]
    >) {
      const t = (collected[g] ??= { asked: 0, answered: 0 });
      t.asked += v.asked;
      t.answered += v.answered;
    }
    for (const r of c.responses) {
      const key = `${r.survey}:${r.question}`;
      const t = responses.get(key) ?? { survey: r.survey, question: r.question, counts: {} };
      for (const [o, n] of Object.entries(r.counts) as Array<[AnswerOption, number]>)
        t.counts[o] = (t.counts[o] ?? 0) + n;
      responses.set(key, t);
    }
  }
  return { collected, responses: [...responses.values()] };
}
