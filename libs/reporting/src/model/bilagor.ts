import { BuildContext } from './build-context';
import { ReportModel } from './report-model';
import {
  exemptedText,
  FOLLOW_UP_COVERAGE_LABEL,
  FOLLOW_UP_MISSING_TEXT,
  formatAmount,
  periodLabel,
  UPPFOLJNING_INSATS_V1,
} from '@app/domain';
import { REPORT_TEXT_KEYS, ReportInput } from './report-input';
import { D } from './figures';

export const MONTHS = [
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
];
export const BEDOMNING_LABEL: Record<string, string> = {
  UPPFYLLT: 'uppfyllt',
  DELVIS_UPPFYLLT: 'delvis uppfyllt',
  EJ_UPPFYLLT: 'ej uppfyllt',
  EJ_MATBART_AN: 'ej mätbart än',
  HOG: 'hög',
  DELVIS_HOG: 'delvis hög',
  LAG: 'låg',
};
export const FINANCING_LABEL: Record<string, string> = {
  fromParties: 'medlemmarnas tilldelning',
  fromEquity: 'eget kapital',
  esf: 'ESF',
};

/** The förbundschef's texts that exist, as subsections in the given order. */
export function textsFor(
  input: ReportInput,
  keys: Array<keyof typeof REPORT_TEXT_KEYS>,
): Array<{ id: string; title: string; text: string }> {
  return keys
    .filter((k) => input.texts[k]?.trim())
    .map((k) => ({ id: k, title: REPORT_TEXT_KEYS[k], text: input.texts[k] }));
}

export function roleTitle(b: { role: string; title: string | null }): string {
  if (b.role === 'REVISOR') return b.title ?? 'Revisor';
  return b.title === 'ORDFORANDE'
    ? 'Ordförande'
    : b.title === 'VICE_ORDFORANDE'
      ? 'Vice ordförande'
      : 'Ledamot';
}

export function defaultIntro(input: ReportInput): string {
  return (
    `${input.organisation.name} är ett samordningsförbund enligt lagen (2003:1210) om finansiell samordning av rehabiliteringsinsatser. ` +
    `Medlemmar är Försäkringskassan, Arbetsförmedlingen, regionen och kommunerna, som tillsammans finansierar förbundets insatser.` +
    (input.organisation.vision ? ` Visionen är: ${input.organisation.vision}` : '')
  );
}

/**
 * A follow-up as labelled lines, using the labels of the template version it was filled in with (a förbund's
 * own sections and fields included); the standard template when the input has none.
 */
export function followUpSections(
  f: ReportInput['followUps'][number],
): Array<{ title: string; lines: Array<[string, string]> }> {
  const out: Array<{ title: string; lines: Array<[string, string]> }> = [];
  const a = f.answers as Record<string, unknown>;
  const template = f.template?.sections?.length ? f.template : UPPFOLJNING_INSATS_V1;
  for (const s of template.sections) {
    const v = a[s.key];
    if (v === undefined || v === null || (Array.isArray(v) && !v.length)) continue;
    if (s.kind === 'text') out.push({ title: s.title, lines: [['', String(v)]] });
    else if (s.kind === 'rows' && Array.isArray(v)) {
      out.push({
        title: s.title,
        lines: (v as Array<Record<string, string>>).map((r) => [
          f.matpunkter.find((m) => m.key === r.matpunkt)?.text ?? r.matpunkt,
          [
            r.utfall && `Utfall: ${r.utfall}`,
            BEDOMNING_LABEL[r.bedomning] && `Bedömning: ${BEDOMNING_LABEL[r.bedomning]}`,
            r.kommentar,
          ]
            .filter(Boolean)
            .join('. '),
        ]),
      });
    } else if (s.kind === 'group' && typeof v === 'object') {
      out.push({
        title: s.title,
        lines: (s.fields ?? [])
          .filter(
            (fd) =>
              (v as Record<string, unknown>)[fd.key] !== undefined &&
              (v as Record<string, unknown>)[fd.key] !== '',
          )
          .map((fd) => {
            const raw = (v as Record<string, unknown>)[fd.key];
            return [fd.label, fieldText(fd.type, raw)];
          }),
      });
    }
  }
  return out;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** One answer as text: amounts and shares in Swedish form, choices in words, anything else as written. */
function fieldText(type: string, raw: unknown): string {
  const v = String(raw);
  if (type === 'money' && DECIMAL.test(v)) return `${formatAmount(D(v), 'kr', { separator: ' ' })} kr`;
  if (type === 'share' && DECIMAL.test(v))
    return `${D(v).times(100).toDecimalPlaces(1).toString().replace('.', ',')} %`;
  if (type === 'decimal' && DECIMAL.test(v)) return v.replace('.', ',');
  return BEDOMNING_LABEL[v] ?? v;
}

/** The report's title: "Årsredovisning 2025" or "Delårsrapport januari–augusti 2025". */
export function reportTitle({ kind, year, input }: BuildContext): string {
  return kind === 'ARSREDOVISNING'
    ? `Årsredovisning ${year}`
    : `Delårsrapport januari–${MONTHS[Number(input.current.end.slice(5, 7)) - 1]} ${year}`;
}

/**
 * One bilaga per insats the period's report accounts for, in insats order: the approved follow-up, or a page
 * that says it is missing ("Uppföljning saknas") or exempted ("Undantagen: <skäl>").
 */
export function bilagor({ coverage }: BuildContext): ReportModel['bilagor'] {
  return coverage.map((c, i) => {
    const f = c.followUp;
    const base = {
      id: `bilaga_${i + 1}`,
      title: `Bilaga ${i + 1}: Uppföljning ${c.insatsName}, ${periodLabel(c.period)}`,
      insatsKey: c.insatsKey,
      period: c.period,
    };
    if (f)
      return {
        ...base,
        contentHash: f.contentHash,
        sections: followUpSections(f),
        attachments: f.attachments ?? [],
      };
    const state = c.state === 'UNDANTAGEN' ? 'UNDANTAGEN' : 'SAKNAS';
    const text = state === 'UNDANTAGEN' ? exemptedText(c.reason ?? '') : FOLLOW_UP_MISSING_TEXT;
    return {
      ...base,
      contentHash: null,
      coverage: state,
      sections: [{ title: FOLLOW_UP_COVERAGE_LABEL[state], lines: [['', text]] }],
      attachments: [],
    };
  });
}
