import type { FieldDef, TemplateDef } from '../../../../../libs/domain/src/forms/template';
import { CHOICE_LABEL, formatAmount, formatShare, shareToPercent } from '../../format';

const PATH = /^\$\.([A-Za-z_0-9]+)(?:\[(\d+)\])?(?:\.([A-Za-z_0-9]+))?/;

/** The template's field at a JSON path ($.deltagare.avslutade, $.resultat[0].utfall), if it names one. */
export function fieldAt(t: TemplateDef, path: string): FieldDef | null {
  const m = PATH.exec(path);
  const section = m ? t.sections.find((s) => s.key === m[1]) : undefined;
  return (m && section?.fields?.find((f) => f.key === m[3])) ?? null;
}

/** "$.deltagare.avslutade" → "Deltagare › Avslutade"; a path outside the template reads "Uppföljningen". */
export function describePath(t: TemplateDef, path: string): string {
  const m = PATH.exec(path);
  if (!m) return 'Uppföljningen';
  const section = t.sections.find((s) => s.key === m[1]);
  if (!section) return 'Uppföljningen';
  const field = section.fields?.find((f) => f.key === m[3]);
  const parts = [section.title];
  if (m[2] !== undefined) parts.push(`rad ${Number(m[2]) + 1}`);
  if (field) parts.push(field.label);
  return parts.join(' › ');
}

/** An answer as a person reads it: choices in words, shares in percent, amounts with spaces, lists counted. */
export function answerInWords(t: TemplateDef, path: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return 'tomt';
  if (Array.isArray(value)) return value.length === 1 ? '1 bilaga' : `${value.length} bilagor`;
  const f = fieldAt(t, path);
  const s = String(value);
  if (f?.type === 'choice') return CHOICE_LABEL[s] ?? s;
  if (f?.type === 'share') return formatShare(s);
  if ((f?.type === 'money' || f?.type === 'decimal') && /^-?\d+(\.\d+)?$/.test(s))
    return `${formatAmount(s)}${f.type === 'money' ? ' kr' : ''}`;
  return s;
}

/**
 * A validation message as the person typed: a share field is typed in percent, so "ska vara en andel mellan 0
 * och 1 (är 1.2)" reads "ska vara mellan 0 och 100 procent (du skrev 120 %)".
 */
export function messageInWords(t: TemplateDef, path: string, message: string, typed: unknown): string {
  if (fieldAt(t, path)?.type !== 'share' || !/andel/.test(message)) return message;
  const percent = typed === null || typed === undefined ? null : shareToPercent(String(typed));
  return percent === null
    ? 'ska vara en procentsats mellan 0 och 100, t.ex. 87'
    : `ska vara mellan 0 och 100 procent (du skrev ${percent.replace('.', ',')} %)`;
}

/** The value at a JSON path of the answers (for the message above). */
export function valueAt(answers: unknown, path: string): unknown {
  const parts = path.match(/[A-Za-z_0-9]+|\[\d+\]/g)?.slice(0) ?? [];
  let v: unknown = answers;
  for (const p of parts) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[p.startsWith('[') ? Number(p.slice(1, -1)) : p];
  }
  return v;
}
