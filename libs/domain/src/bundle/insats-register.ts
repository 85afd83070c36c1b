import { z } from 'zod';
import { jsonPath, ValidationIssue } from '../common/issues';
import { insatsFieldLabel } from '../labels/insats-labels';
import { periodLabel } from '../labels/labels';
import { NNS_METRIC } from '../nns/nns-metric';
import { owesPeriod, periodRange } from '../workflow/periods';
import { insatsSchema } from './bundle.schema';
import { insatsIssues, zodIssuesToSwedish } from './bundle.validate';

/**
 * The kansli registers or edits one insats (issue 18): the bundle's insats with the same rules, plus the people of
 * its styrgrupp and its projektägare (person ids of the förbund's members). Pure: what the förbund has is passed in.
 */
const people = z
  .array(z.string().uuid({ message: 'ska vara en person i förbundet' }))
  .max(100, { message: 'får ha högst 100 personer' })
  .default([]);

export const insatsRegistrationSchema = insatsSchema.extend({ styrgrupp: people, projektagare: people });

export type InsatsRegistration = z.infer<typeof insatsRegistrationSchema>;

export interface InsatsRegisterContext {
  /** The förbund's party keys and cost centre codes. */
  parties: ReadonlySet<string>;
  costCentres: ReadonlySet<string>;
  /** The keys of the förbund's other insatser (not the one being edited). */
  otherKeys: ReadonlySet<string>;
  /** The ids of the people who belong to the förbund. */
  members: ReadonlySet<string>;
  /** When editing: the insats as it is (its key may not change) and the periods it has follow-ups for. */
  current?: { key: string; followUpPeriods: readonly string[] };
}

export type InsatsRegisterValidation =
  { ok: true; insats: InsatsRegistration } | { ok: false; issues: ValidationIssue[] };

const BASE = ['insats'];

/** Every problem with the insats at once, each at its path and with the field named in Swedish. */
export function validateInsatsRegistration(
  input: unknown,
  ctx: InsatsRegisterContext,
): InsatsRegisterValidation {
  const trimmed = stripEmpty(input);
  const parsed = insatsRegistrationSchema.safeParse(trimmed);
  if (!parsed.success) return { ok: false, issues: named(zodIssuesToSwedish(parsed.error.issues, BASE)) };
  const x = parsed.data;
  const issues = insatsIssues(x, BASE, ctx.parties, ctx.costCentres);
  const at = (...s: Array<string | number>) => jsonPath([...BASE, ...s]);
  if (ctx.current && x.key !== ctx.current.key)
    issues.push({ path: at('key'), message: `kan inte ändras (insatsen heter "${ctx.current.key}")` });
  else if (ctx.otherKeys.has(x.key))
    issues.push({ path: at('key'), message: `"${x.key}" används redan av en annan insats` });
  x.matpunkter.forEach((m, j) => {
    if (m.metric?.startsWith('nns:') && !NNS_METRIC.test(m.metric))
      issues.push({
        path: at('matpunkter', j, 'metric'),
        message: 'en NNS-indikator skrivs nns:<indikator>:<grupp>:<fråga>, t.ex. nns:7:DELTAGARE_AVSLUT:6',
      });
  });
  for (const role of ['styrgrupp', 'projektagare'] as const) {
    const seen = new Set<string>();
    x[role].forEach((personId, j) => {
      if (!ctx.members.has(personId))
        issues.push({ path: at(role, j), message: 'personen finns inte i förbundet' });
      else if (seen.has(personId)) issues.push({ path: at(role, j), message: 'personen finns redan med' });
      seen.add(personId);
    });
  }
  // A changed period may not leave follow-ups outside it: they stay, and would then belong to no period it ran in.
  const orphaned = (ctx.current?.followUpPeriods ?? []).filter((p) => !owesPeriod(x, p));
  if (orphaned.length) {
    const field = orphaned.some((p) => (periodRange(p)?.end ?? '') < x.start) ? 'start' : 'end';
    issues.push({
      path: at(field),
      message: `insatsen har uppföljningar för ${orphaned.map(periodLabel).join(', ')}, som då hamnar utanför perioden`,
    });
  }
  return issues.length ? { ok: false, issues: named(issues) } : { ok: true, insats: x };
}

/** Prefixes each message with the field's Swedish name ("Slutdatum: slutdatum ligger före startdatum"). */
function named(issues: ValidationIssue[]): ValidationIssue[] {
  return issues.map((i) => ({ ...i, message: `${insatsFieldLabel(segmentsOf(i.path))}: ${i.message}` }));
}

function segmentsOf(path: string): Array<string | number> {
  const out: Array<string | number> = [];
  for (const m of path.replace(/^\$\.insats/, '').matchAll(/\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]/g))
    out.push(m[1] ?? Number(m[2]));
  return out;
}

/**
 * Empty optional texts from a form ("", null) count as left out. Only as deep as an insats goes (insats →
 * matpunkter → mätpunkt → field): deeper JSON is left for the schema to refuse, and a hostile input nested
 * thousands of levels deep cannot exhaust the stack.
 */
const INSATS_DEPTH = 4;
function stripEmpty(input: unknown, depth = 0): unknown {
  if (depth > INSATS_DEPTH) return input;
  if (Array.isArray(input)) return input.map((v) => stripEmpty(v, depth + 1));
  if (!input || typeof input !== 'object') return input;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) {
    if (v === null || (typeof v === 'string' && v.trim() === '')) continue;
    out[k] = stripEmpty(v, depth + 1);
  }
  return out;
}
