import { z } from 'zod';
import { ValidationIssue } from '../common/issues';
import { zodIssuesToSwedish } from '../bundle/bundle.validate';
import { AnswerOption, FREQUENCY_OPTIONS, SCALE_OPTIONS, ScaleKind, SURVEY_GROUPS } from './nns-groups';

export * from './nns-groups';

const group = z.enum(SURVEY_GROUPS);
const option = z.enum([...SCALE_OPTIONS, ...FREQUENCY_OPTIONS]);

/**
 * The national catalogue as data: which question (by its number within a survey) measures which indicator,
 * its wording as NNS words it, its scale and which answers count as positive. Loaded by the platform admin;
 * a förbund reads it and can never reword it.
 */
export const nnsCatalogueSchema = z.strictObject({
  catalogueKey: z.string().min(1),
  name: z.string().min(1),
  scales: z.strictObject({
    SCALE: z.strictObject({ options: z.array(option).min(2), positive: z.array(option).min(1) }),
    FREQUENCY: z.strictObject({ options: z.array(option).min(2), positive: z.array(option).min(1) }),
  }),
  indicators: z
    .array(z.strictObject({ number: z.number().int().positive(), text: z.string().min(1) }))
    .min(1),
  questions: z
    .array(
      z.strictObject({
        survey: group,
        number: z.number().int().positive(),
        text: z.string().min(1),
        scale: z.enum(['SCALE', 'FREQUENCY']),
        indicator: z.number().int().positive().nullable(),
      }),
    )
    .min(1),
});
export type NnsCatalogue = z.infer<typeof nnsCatalogueSchema>;
export type NnsQuestion = NnsCatalogue['questions'][number];

/** Validates a catalogue file: every error with its JSON path, in Swedish. */
export function validateNnsCatalogue(
  input: unknown,
): { ok: true; catalogue: NnsCatalogue } | { ok: false; issues: ValidationIssue[] } {
  const parsed = nnsCatalogueSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: zodIssuesToSwedish(parsed.error.issues) };
  const c = parsed.data;
  const issues: ValidationIssue[] = [];
  const indicators = new Set(c.indicators.map((i) => i.number));
  const seen = new Set<string>();
  c.questions.forEach((q, i) => {
    const key = `${q.survey}:${q.number}`;
    if (seen.has(key))
      issues.push({ path: `$.questions[${i}]`, message: `fråga ${q.number} i ${q.survey} finns redan` });
    seen.add(key);
    if (q.indicator !== null && !indicators.has(q.indicator))
      issues.push({ path: `$.questions[${i}].indicator`, message: `okänd indikator ${q.indicator}` });
  });
  for (const kind of ['SCALE', 'FREQUENCY'] as const) {
    const s = c.scales[kind];
    s.positive.forEach((p, i) => {
      if (!s.options.includes(p))
        issues.push({
          path: `$.scales.${kind}.positive[${i}]`,
          message: `"${p}" är inget svarsalternativ på skalan`,
        });
    });
  }
  return issues.length ? { ok: false, issues } : { ok: true, catalogue: c };
}

export function scaleOf(option: AnswerOption): ScaleKind {
  return (SCALE_OPTIONS as readonly string[]).includes(option) ? 'SCALE' : 'FREQUENCY';
}
