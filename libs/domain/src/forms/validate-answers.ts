import Decimal from 'decimal.js';
import { jsonPath, ValidationIssue } from '../common/issues';
import { Money, toAmountString } from '../money/money';
import { FieldDef, InsatsType, PeriodKind, SectionDef, TemplateDef } from './template';

export interface MatpunktDef {
  key: string;
  text: string;
  metric?: string | null;
  op?: string | null;
  target?: string | null;
}

export interface FormContext {
  insatsType: InsatsType;
  period: PeriodKind;
  matpunkter: MatpunktDef[];
}

export interface FormResult {
  issues: ValidationIssue[];
  /** Derived values (inskrivna_totalt, vald_besvarade_andel, avvikelse …) as exact decimal strings. */
  derived: Record<string, Record<string, string | null>>;
  /** Bedömning suggested from utfall for mätpunkter with op/target, by mätpunkt key. */
  suggestions: Record<string, string>;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const DEC = /^-?\d+(\.\d+)?$/;

export function periodKind(period: string): PeriodKind | null {
  const m = /^(DELAR|HELAR)-(\d{4})$/.exec(period);
  return m ? (m[1] as PeriodKind) : null;
}

export function periodYear(period: string): number | null {
  const m = /^(DELAR|HELAR)-(\d{4})$/.exec(period);
  return m ? Number(m[2]) : null;
}

export function sectionApplies(s: SectionDef, ctx: FormContext): boolean {
  return !s.appliesTo || s.appliesTo.includes(ctx.insatsType);
}

function fieldApplies(f: FieldDef, ctx: FormContext): boolean {
  return !f.periods || f.periods.includes(ctx.period);
}

function asDecimal(v: unknown): Decimal | null {
  if (typeof v === 'number' && Number.isFinite(v)) return new Money(String(v));
  if (typeof v === 'string' && DEC.test(v.trim())) return new Money(v.trim());
  return null;
}

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

/** Checks one field's value; returns a Swedish message or null. */
function checkField(f: FieldDef, v: unknown): string | null {
  if (isEmpty(v)) return f.required ? 'obligatoriskt fält saknas' : null;
  switch (f.type) {
    case 'text':
      if (typeof v !== 'string') return 'ska vara text';
      if (f.maxLength && v.length > f.maxLength)
        return `får vara högst ${f.maxLength} tecken (är ${v.length})`;
      return null;
    case 'textOrNumber':
      if (typeof v !== 'string' && typeof v !== 'number') return 'ska vara text eller ett tal';
      if (f.maxLength && String(v).length > f.maxLength) return `får vara högst ${f.maxLength} tecken`;
      return null;
    case 'integer': {
      if (typeof v !== 'number' || !Number.isInteger(v)) return 'ska vara ett heltal';
      if (f.min !== undefined && v < Number(f.min)) return `får inte vara mindre än ${f.min}`;
      if (f.max !== undefined && v > Number(f.max)) return `får inte vara större än ${f.max}`;
      return null;
    }
    case 'money':
    case 'decimal': {
      if (f.type === 'money' && typeof v !== 'string')
        return 'ska vara ett belopp som decimaltal i text, t.ex. "2520000.00"';
      const d = asDecimal(v);
      if (!d) return 'ska vara ett decimaltal, t.ex. "2520000.00"';
      if (f.min !== undefined && d.lessThan(f.min)) return `får inte vara mindre än ${f.min}`;
      if (f.max !== undefined && d.greaterThan(f.max)) return `får inte vara större än ${f.max}`;
      return null;
    }
    case 'share': {
      const d = asDecimal(v);
      if (!d) return 'ska vara en andel mellan 0 och 1, t.ex. "0.87"';
      if (d.lessThan(0) || d.greaterThan(1)) return `ska vara en andel mellan 0 och 1 (är ${d.toString()})`;
      return null;
    }
    case 'date':
      if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v)))
        return 'ska vara ett datum ÅÅÅÅ-MM-DD';
      return null;
    case 'choice':
      if (typeof v !== 'string' || !f.options?.includes(v)) return `ska vara en av ${f.options?.join(', ')}`;
      return null;
  }
}

function compare(op: string, a: Decimal, b: Decimal): boolean {
  switch (op) {
    case '>=':
      return a.greaterThanOrEqualTo(b);
    case '<=':
      return a.lessThanOrEqualTo(b);
    case '>':
      return a.greaterThan(b);
    case '<':
      return a.lessThan(b);
    case '=':
      return a.equals(b);
    default:
      return false;
  }
}

/**
 * Validates a submission's answers against its template version: every problem with its JSON path, in Swedish.
 * Also computes derived fields and suggests a bedömning for mätpunkter with a target.
 */
export function validateAnswers(template: TemplateDef, answers: unknown, ctx: FormContext): FormResult {
  const issues: ValidationIssue[] = [];
  const derived: FormResult['derived'] = {};
  const suggestions: Record<string, string> = {};
  if (!isObj(answers))
    return { issues: [{ path: '$', message: 'svaren ska vara ett objekt' }], derived, suggestions };
  const known = new Set(template.sections.map((s) => s.key));
  for (const k of Object.keys(answers))
    if (!known.has(k)) issues.push({ path: jsonPath([k]), message: 'okänd del av formuläret' });

  const metricValues = new Map<string, Decimal>();
  for (const s of template.sections) {
    const v = answers[s.key];
    const applies = sectionApplies(s, ctx);
    if (!applies) {
      if (!isEmpty(v))
        issues.push({ path: jsonPath([s.key]), message: 'gäller inte den här typen av insats' });
      continue;
    }
    switch (s.kind) {
      case 'text': {
        const msg = checkField(
          { key: s.key, label: s.title, type: 'text', required: s.required, maxLength: s.maxLength },
          v,
        );
        if (msg) issues.push({ path: jsonPath([s.key]), message: msg });
        break;
      }
      case 'group': {
        if (isEmpty(v)) {
          if (s.fields?.some((f) => f.required && fieldApplies(f, ctx)))
            issues.push({ path: jsonPath([s.key]), message: 'avsnittet saknas' });
          break;
        }
        if (!isObj(v)) {
          issues.push({ path: jsonPath([s.key]), message: 'ska vara ett objekt' });
          break;
        }
        const fields = new Map((s.fields ?? []).map((f) => [f.key, f]));
        for (const k of Object.keys(v))
          if (!fields.has(k)) issues.push({ path: jsonPath([s.key, k]), message: 'okänt fält' });
        const bad = new Set<string>();
        for (const f of s.fields ?? []) {
          if (!fieldApplies(f, ctx)) {
            if (!isEmpty(v[f.key]))
              issues.push({
                path: jsonPath([s.key, f.key]),
                message: `gäller bara ${f.periods?.join('/')}-uppföljningar`,
              });
            continue;
          }
          const msg = checkField(f, v[f.key]);
          if (msg) {
            issues.push({ path: jsonPath([s.key, f.key]), message: msg });
            bad.add(f.key);
          } else {
            const d = asDecimal(v[f.key]);
            if (d) metricValues.set(f.key, d);
          }
        }
        const num = (k: string) => (bad.has(k) ? null : asDecimal(v[k]));
        const out: Record<string, string | null> = {};
        for (const d of s.derived ?? []) {
          if (d.kind === 'sum') {
            const parts = d.of.map(num);
            out[d.key] = parts.every((p) => p)
              ? parts.reduce((a, b) => a!.plus(b!), new Money(0))!.toString()
              : null;
          } else if (d.kind === 'ratio') {
            const n = num(d.numerator);
            const den = num(d.denominator);
            out[d.key] = n && den && !den.isZero() ? n.dividedBy(den).toDecimalPlaces(6).toString() : null;
          } else {
            const a = num(d.minuend);
            const b = d.subtrahend.map(num).find((x) => x) ?? null;
            out[d.key] = a && b ? toAmountString(a.minus(b)) : null;
          }
          if (out[d.key] !== null) metricValues.set(d.key, new Money(out[d.key] as string));
        }
        if (s.derived?.length) derived[s.key] = out;
        for (const r of s.rules ?? []) {
          if (r.kind === 'lte') {
            const a = num(r.field);
            const b = num(r.other);
            if (a && b && a.greaterThan(b))
              issues.push({ path: jsonPath([s.key, r.field]), message: r.message });
          } else {
            const base = num(r.base);
            const other =
              r.compare
                .filter((k) => fields.get(k) && fieldApplies(fields.get(k)!, ctx))
                .map(num)
                .find((x) => x) ?? null;
            if (
              base &&
              other &&
              !base.isZero() &&
              base.minus(other).abs().dividedBy(base.abs()).greaterThan(r.threshold) &&
              isEmpty(v[r.field])
            ) {
              issues.push({ path: jsonPath([s.key, r.field]), message: r.message });
            }
          }
        }
        break;
      }
      case 'rows': {
        if (!Array.isArray(v)) {
          issues.push({ path: jsonPath([s.key]), message: 'ska vara en lista med en rad per mätpunkt' });
          break;
        }
        const expected = new Map(ctx.matpunkter.map((m) => [m.key, m]));
        const seen = new Set<string>();
        v.forEach((row, i) => {
          if (!isObj(row)) {
            issues.push({ path: jsonPath([s.key, i]), message: 'ska vara ett objekt' });
            return;
          }
          for (const f of s.fields ?? []) {
            const msg = checkField(f, row[f.key]);
            if (msg) issues.push({ path: jsonPath([s.key, i, f.key]), message: msg });
          }
          const key = String(row.matpunkt ?? '');
          if (key && !expected.has(key))
            issues.push({
              path: jsonPath([s.key, i, 'matpunkt']),
              message: `insatsen har ingen mätpunkt "${key}" för året`,
            });
          if (seen.has(key))
            issues.push({
              path: jsonPath([s.key, i, 'matpunkt']),
              message: `mätpunkten "${key}" finns redan`,
            });
          seen.add(key);
        });
        for (const m of ctx.matpunkter) {
          if (!seen.has(m.key))
            issues.push({ path: jsonPath([s.key]), message: `rad för mätpunkten "${m.key}" saknas` });
        }
        break;
      }
      case 'files': {
        if (isEmpty(v)) break;
        if (!Array.isArray(v)) {
          issues.push({ path: jsonPath([s.key]), message: 'ska vara en lista med fil-id' });
          break;
        }
        if (s.maxFiles && v.length > s.maxFiles)
          issues.push({ path: jsonPath([s.key]), message: `högst ${s.maxFiles} bilagor` });
        v.forEach((f, i) => {
          const id = isObj(f) ? f.fileId : f;
          if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id))
            issues.push({ path: jsonPath([s.key, i]), message: 'ska vara ett fil-id från uppladdningen' });
        });
        break;
      }
    }
  }

  // Suggest a bedömning from utfall (or the metric's value) for mätpunkter with op and target.
  const rows = Array.isArray(answers.resultat) ? (answers.resultat as Obj[]) : [];
  for (const m of ctx.matpunkter) {
    if (!m.op || m.target === null || m.target === undefined) continue;
    const row = rows.find((r) => isObj(r) && r.matpunkt === m.key);
    const value = (m.metric && metricValues.get(m.metric)) || (row ? asDecimal(row.utfall) : null);
    if (!value) continue;
    suggestions[m.key] = compare(m.op, value, new Money(m.target)) ? 'UPPFYLLT' : 'EJ_UPPFYLLT';
  }
  return { issues, derived, suggestions };
}

/** The answers a new submission starts with: one resultat row per mätpunkt, beviljat from the insats' budget. */
export function initialAnswers(
  template: TemplateDef,
  ctx: FormContext,
  prefill: { insatsBudget: string | null },
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of template.sections) {
    if (!sectionApplies(s, ctx)) continue;
    if (s.kind === 'rows')
      out[s.key] = ctx.matpunkter.map((m) => ({
        matpunkt: m.key,
        utfall: '',
        bedomning: null,
        kommentar: '',
      }));
    if (s.kind === 'group') {
      const g: Record<string, unknown> = {};
      for (const f of s.fields ?? [])
        if (f.prefill === 'insatsBudget' && prefill.insatsBudget) g[f.key] = prefill.insatsBudget;
      if (Object.keys(g).length) out[s.key] = g;
    }
    if (s.kind === 'files') out[s.key] = [];
  }
  return out;
}
