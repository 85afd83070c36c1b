import { ValidationIssue } from '../common/issues';
import { AnswerOption, NnsCatalogue, SurveyGroup } from './nns-catalogue';
import { SurveyCounts } from './nns-counts';

/** Groups that answer with a one-time code on an anonymous link; the others answer signed in, once each. */
export const CODE_GROUPS: readonly SurveyGroup[] = ['DELTAGARE_PAGAENDE', 'DELTAGARE_AVSLUT', 'PERSONAL'];

export interface SurveyAnswer {
  question: number;
  option: AnswerOption;
}

/** The questions a group answers, in number order. */
export function questionsFor(catalogue: NnsCatalogue, survey: SurveyGroup) {
  return catalogue.questions.filter((q) => q.survey === survey).sort((a, b) => a.number - b.number);
}

/**
 * Checks one respondent's answers: each a question of the group's survey, at most once, with an option of
 * that question's scale. Questions left out are fine (a respondent may skip one); no answer at all is not.
 */
export function validateSurveyAnswers(
  input: unknown,
  catalogue: NnsCatalogue,
  survey: SurveyGroup,
): { ok: true; answers: SurveyAnswer[] } | { ok: false; issues: ValidationIssue[] } {
  if (!Array.isArray(input) || input.length === 0)
    return { ok: false, issues: [{ path: '$', message: 'svara på minst en fråga' }] };
  const questions = questionsFor(catalogue, survey);
  const issues: ValidationIssue[] = [];
  const seen = new Set<number>();
  const answers: SurveyAnswer[] = [];
  input.slice(0, 200).forEach((a: unknown, i) => {
    const { question, option } = (a ?? {}) as { question?: unknown; option?: unknown };
    const q = questions.find((x) => x.number === question);
    if (!q) return void issues.push({ path: `$[${i}].question`, message: 'frågan finns inte i enkäten' });
    if (seen.has(q.number))
      return void issues.push({ path: `$[${i}]`, message: `fråga ${q.number} är besvarad två gånger` });
    seen.add(q.number);
    if (typeof option !== 'string' || !catalogue.scales[q.scale].options.includes(option as AnswerOption))
      return void issues.push({ path: `$[${i}].option`, message: 'välj ett av svarsalternativen' });
    answers.push({ question: q.number, option: option as AnswerOption });
  });
  if (input.length > 200) issues.push({ path: '$', message: 'för många svar' });
  return issues.length ? { ok: false, issues } : { ok: true, answers };
}

export interface CollectionTally {
  survey: SurveyGroup;
  asked: number;
  answered: number;
  tallies: Array<{ question: number; option: AnswerOption; count: number }>;
}

/** The counts that rounds answered in the platform add up to, in the shape of imported counts. */
export function countsFromTallies(collections: readonly CollectionTally[]): SurveyCounts {
  const collected: NonNullable<SurveyCounts['collected']> = {};
  const responses = new Map<string, SurveyCounts['responses'][number]>();
  for (const c of collections) {
    const t = (collected[c.survey] ??= { asked: 0, answered: 0 });
    t.asked += c.asked;
    t.answered += c.answered;
    for (const x of c.tallies) {
      const key = `${c.survey}:${x.question}`;
      const r = responses.get(key) ?? { survey: c.survey, question: x.question, counts: {} };
      r.counts[x.option] = (r.counts[x.option] ?? 0) + x.count;
      responses.set(key, r);
    }
  }
  return { collected, responses: [...responses.values()] };
}
