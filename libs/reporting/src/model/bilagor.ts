import { BuildContext } from './build-context';
import { ReportModel } from './report-model';
import {
  CHOICE_PHRASE,
  exemptedText,
  FOLLOW_UP_COVERAGE_LABEL,
  FOLLOW_UP_MISSING_TEXT,
  formatAmount,
  periodLabel,
  UPPFOLJNING_INSATS_V1,
  formatUtfall,
  followUpApprovalText,
  NOT_MEASURED_TEXT,
} from '@app/domain';
import { ReportInput } from './report-input';
import { D } from './figures';

/** An assessment (bedömning) in a sentence; the words live in libs/domain's labels. */
export const BEDOMNING_LABEL = CHOICE_PHRASE;

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
  // Shares of those who finished mean nothing when nobody finished: such an indicator was not measured.
  const nobodyFinished = D(String((a.deltagare as Record<string, unknown> | undefined)?.avslutade ?? 'NaN'));
  const unmeasured = (type: string, raw: unknown) =>
    type === 'share' &&
    (raw === null ||
      String(raw).trim() === '' ||
      (DECIMAL.test(String(raw)) && D(String(raw)).isZero() && nobodyFinished.isZero()));
  for (const s of template.sections) {
    const v = a[s.key];
    if (v === undefined || v === null || (Array.isArray(v) && !v.length)) continue;
    // A heading with nothing under it is left out (an empty "Jämställdhet" says nothing).
    if (s.kind === 'text') {
      if (String(v).trim()) out.push({ title: s.title, lines: [['', String(v)]] });
    } else if (s.kind === 'rows' && Array.isArray(v)) {
      out.push({
        title: s.title,
        lines: (v as Array<Record<string, string>>).map((r) => [
          f.matpunkter.find((m) => m.key === r.matpunkt)?.text ?? r.matpunkt,
          [
            r.utfall &&
              `Utfall: ${formatUtfall(r.utfall, f.matpunkter.find((m) => m.key === r.matpunkt)?.text)}`,
            BEDOMNING_LABEL[r.bedomning] && `Bedömning: ${BEDOMNING_LABEL[r.bedomning]}`,
            r.kommentar,
          ]
            .filter(Boolean)
            .join('. '),
        ]),
      });
    } else if (s.kind === 'group' && typeof v === 'object') {
      const values = v as Record<string, unknown>;
      const lines = (s.fields ?? [])
        .filter((fd) => values[fd.key] !== undefined)
        .map((fd): [string, string] | null => {
          const raw = values[fd.key];
          if (unmeasured(fd.type, raw)) return [fd.label, NOT_MEASURED_TEXT];
          if (raw === null || String(raw).trim() === '') return null;
          return [fd.label, fieldText(fd.type, raw)];
        })
        .filter((l): l is [string, string] => l !== null);
      if (lines.length) out.push({ title: s.title, lines });
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
        approval: followUpApprovalText(f.approvals ?? []),
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
