import { z, ZodArray, ZodDefault, ZodOptional } from 'zod';

import { BoardTitle, INSATS_ROLES, Role } from '../access/roles';
import { jsonPath, ValidationIssue } from '../common/issues';
import { bundleSchema, insatsSchema, OrganisationBundle } from './bundle.schema';

import { costSplitIssues, kommunKeyIssues } from '../finance/finance-rules';

type InsatsInput = z.infer<typeof insatsSchema>;
import { bundleMandateIssues } from '../board/board-mandates';

function describeType(expected: string): string {
  const map: Record<string, string> = {
    string: 'text',
    number: 'ett tal',
    int: 'ett heltal',
    object: 'ett objekt',
    array: 'en lista',
    boolean: 'sant/falskt',
  };
  return map[expected] ?? expected;
}

/** Zod's issues, said in Swedish with JSON paths. */
export function zodIssuesToSwedish(
  issues: readonly z.core.$ZodIssue[],
  prefix: ReadonlyArray<string | number> = [],
): ValidationIssue[] {
  return issues.map((issue) => {
    const path = jsonPath([...prefix, ...(issue.path as Array<string | number>)]);
    switch (issue.code) {
      case 'invalid_type': {
        const missing = /received undefined/.test(issue.message);
        return {
          path,
          message: missing ? 'obligatoriskt fält saknas' : `ska vara ${describeType(issue.expected)}`,
        };
      }
      case 'unrecognized_keys':
        return { path, message: `okända fält: ${issue.keys.join(', ')}` };
      case 'too_small':
        return {
          path,
          message: issue.message.startsWith('Too small')
            ? `får inte vara mindre än ${String(issue.minimum)}`
            : issue.message,
        };
      case 'too_big':
        return {
          path,
          message: issue.message.startsWith('Too big')
            ? `får inte vara större än ${String(issue.maximum)}`
            : issue.message,
        };
      case 'invalid_union':
        return { path, message: 'ska vara ett belopp som decimaltal i text eller ett heltal' };
      default:
        return { path, message: issue.message };
    }
  });
}

/** Rules across the bundle: references resolve, keys are unique, insats roles name their insats. */
interface DeclaredKeys {
  parties: Set<string>;
  costCentres: Set<string>;
  insatser: Set<string>;
}

function crossReferenceIssues(b: OrganisationBundle, declared?: DeclaredKeys): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const uniq = <T>(
    items: T[],
    keyOf: (t: T) => string,
    path: (i: number) => Array<string | number>,
    what: string,
  ) => {
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      const k = keyOf(item);
      if (seen.has(k))
        issues.push({
          path: jsonPath(path(i)),
          message: `${what} "${k}" förekommer redan på position ${seen.get(k)}`,
        });
      else seen.set(k, i);
    });
  };
  uniq(
    b.parties,
    (p) => p.key,
    (i) => ['parties', i, 'key'],
    'parten',
  );
  uniq(
    b.costCentres,
    (c) => c.code,
    (i) => ['costCentres', i, 'code'],
    'kostnadsstället',
  );
  uniq(
    b.insatser,
    (x) => x.key,
    (i) => ['insatser', i, 'key'],
    'insatsen',
  );
  uniq(
    b.people,
    (p) => p.email.toLowerCase(),
    (i) => ['people', i, 'email'],
    'e-postadressen',
  );
  uniq(
    b.funding,
    (f) => `${f.year}/${f.party}`,
    (i) => ['funding', i, 'party'],
    'finansieringen för år/part',
  );
  uniq(
    b.financialGoals,
    (g) => `${g.year}/${g.key}`,
    (i) => ['financialGoals', i, 'key'],
    'målet',
  );
  uniq(
    b.historicalKeyFigures,
    (h) => String(h.year),
    (i) => ['historicalKeyFigures', i, 'year'],
    'året',
  );
  uniq(
    b.budgets,
    (x) => `${x.year}/${x.decided}/${x.kind ?? 'ORDINARY'}`,
    (i) => ['budgets', i, 'decided'],
    'budgetbeslutet',
  );

  const parties = declared?.parties ?? new Set(b.parties.map((p) => p.key));
  const centres = declared?.costCentres ?? new Set(b.costCentres.map((c) => c.code));
  const insatser = declared?.insatser ?? new Set(b.insatser.map((x) => x.key));

  b.funding.forEach((f, i) => {
    if (parties && !parties.has(f.party))
      issues.push({ path: jsonPath(['funding', i, 'party']), message: `okänd part "${f.party}"` });
  });
  const checkLines = (lines: Record<string, string>, base: Array<string | number>) => {
    for (const code of Object.keys(lines)) {
      if (centres && !centres.has(code))
        issues.push({ path: jsonPath([...base, code]), message: `okänt kostnadsställe "${code}"` });
    }
  };
  b.budgets.forEach((x, i) => {
    checkLines(x.lines, ['budgets', i, 'lines']);
    // Income is budgeted on a line of the same decision.
    for (const code of Object.keys(x.lineIncome ?? {}))
      if (x.lines[code] === undefined)
        issues.push({
          path: jsonPath(['budgets', i, 'lineIncome', code]),
          message: `kostnadsställe "${code}" har ingen budgetrad i beslutet`,
        });
  });
  b.costCentres.forEach((c, i) => issues.push(...costSplitIssues(c.split, ['costCentres', i, 'split'])));
  issues.push(...kommunKeyIssues(b.kommunKey, new Map(b.parties.map((p) => [p.key, p.kind])), ['kommunKey']));
  b.forecasts.forEach((x, i) => checkLines(x.lines, ['forecasts', i, 'lines']));
  b.insatser.forEach((x, i) => issues.push(...insatsIssues(x, ['insatser', i], parties, centres)));
  b.people.forEach((p, i) => {
    p.roles.forEach((r, j) => {
      const base = ['people', i, 'roles', j];
      if (INSATS_ROLES.includes(r.role)) {
        if (!r.insats)
          issues.push({ path: jsonPath([...base, 'insats']), message: `rollen ${r.role} kräver en insats` });
        else if (insatser && !insatser.has(r.insats))
          issues.push({ path: jsonPath([...base, 'insats']), message: `okänd insats "${r.insats}"` });
      } else if (r.insats) {
        issues.push({
          path: jsonPath([...base, 'insats']),
          message: `rollen ${r.role} gäller hela förbundet och tar ingen insats`,
        });
      }
      if (r.party && parties && !parties.has(r.party))
        issues.push({ path: jsonPath([...base, 'party']), message: `okänd part "${r.party}"` });
      if (
        r.title &&
        r.role === Role.STYRELSELEDAMOT &&
        !(Object.values(BoardTitle) as string[]).includes(r.title)
      ) {
        issues.push({
          path: jsonPath([...base, 'title']),
          message: 'en ledamots titel ska vara ORDFORANDE eller VICE_ORDFORANDE',
        });
      }
    });
  });
  if (b.boardMandates) issues.push(...bundleMandateIssues(b.boardMandates, parties));
  return issues;
}

/**
 * The rules of one insats against the förbund's parties and cost centres: the owner party and cost centre exist,
 * the period runs forwards, each year's mätpunkt keys are unique, op and target come together, a budget year is
 * given once. `base` is the insats' own path (`['insatser', 3]` in a bundle, `['insats']` in the API).
 */
export function insatsIssues(
  x: InsatsInput,
  base: Array<string | number>,
  parties: ReadonlySet<string>,
  centres: ReadonlySet<string>,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!parties.has(x.ownerParty))
    issues.push({ path: jsonPath([...base, 'ownerParty']), message: `okänd part "${x.ownerParty}"` });
  if (!centres.has(x.costCentre))
    issues.push({
      path: jsonPath([...base, 'costCentre']),
      message: `okänt kostnadsställe "${x.costCentre}"`,
    });
  if (x.end !== undefined && x.end < x.start)
    issues.push({ path: jsonPath([...base, 'end']), message: 'slutdatum ligger före startdatum' });
  const years = new Set<number>();
  x.budgets.forEach((bb, j) => {
    if (years.has(bb.year))
      issues.push({
        path: jsonPath([...base, 'budgets', j, 'year']),
        message: `budgeten för ${bb.year} finns redan`,
      });
    years.add(bb.year);
  });
  const mp = new Set<string>();
  x.matpunkter.forEach((m, j) => {
    const k = `${m.year}/${m.key}`;
    if (mp.has(k))
      issues.push({
        path: jsonPath([...base, 'matpunkter', j, 'key']),
        message: `mätpunkten "${m.key}" finns redan för ${m.year}`,
      });
    mp.add(k);
    if ((m.op === undefined) !== (m.target === undefined)) {
      issues.push({
        path: jsonPath([...base, 'matpunkter', j, m.op === undefined ? 'op' : 'target']),
        message: 'op och target anges tillsammans',
      });
    }
  });
  return issues;
}

/**
 * For a broken bundle: the elements that parse on their own (so cross checks still run on them), and the keys
 * that the raw input declares (so a reference is judged against what the author wrote, even where an entry is
 * broken elsewhere).
 */
function wellFormedParts(input: unknown): { bundle: OrganisationBundle; declared: DeclaredKeys } {
  const raw = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, schema] of Object.entries(bundleSchema.shape)) {
    let inner: z.ZodType = schema as z.ZodType;
    if (inner instanceof ZodDefault || inner instanceof ZodOptional)
      inner = (inner as ZodDefault<z.ZodType>).unwrap() as z.ZodType;
    if (inner instanceof ZodArray && Array.isArray(raw[k])) {
      out[k] = (raw[k] as unknown[]).flatMap((el) => {
        const r = (inner as ZodArray<z.ZodType>).element.safeParse(el);
        return r.success ? [r.data] : [];
      });
    } else {
      const r = (schema as z.ZodType).safeParse(raw[k]);
      out[k] = r.success ? r.data : Array.isArray(raw[k]) || inner instanceof ZodArray ? [] : undefined;
    }
  }
  const keysOf = (section: string, field: string) =>
    Array.isArray(raw[section])
      ? new Set(
          (raw[section] as Array<Record<string, unknown>>)
            .map((e) => e?.[field])
            .filter((v): v is string => typeof v === 'string'),
        )
      : new Set<string>();
  return {
    bundle: out as OrganisationBundle,
    declared: {
      parties: keysOf('parties', 'key'),
      costCentres: keysOf('costCentres', 'code'),
      insatser: keysOf('insatser', 'key'),
    },
  };
}

export type BundleValidation =
  { ok: true; bundle: OrganisationBundle } | { ok: false; issues: ValidationIssue[] };

/** Validates a whole bundle and reports every problem with its JSON path; never stops at the first. */
export function validateBundle(input: unknown): BundleValidation {
  const parsed = bundleSchema.safeParse(input);
  if (!parsed.success) {
    const issues = zodIssuesToSwedish(parsed.error.issues);
    // Also check references between the sections that are well formed, so one pass lists as much as possible.
    const parts = wellFormedParts(input);
    issues.push(...crossReferenceIssues(parts.bundle, parts.declared));
    return { ok: false, issues: dedupe(issues) };
  }
  const issues = crossReferenceIssues(parsed.data);
  return issues.length ? { ok: false, issues } : { ok: true, bundle: parsed.data };
}

function dedupe(issues: ValidationIssue[]): ValidationIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const k = `${i.path}|${i.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
