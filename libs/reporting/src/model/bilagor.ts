import { BuildContext } from './build-context';
import { ReportModel } from './report-model';
import { formatAmount, UPPFOLJNING_INSATS_V1 } from '@app/domain';
import { CHOICE_PHRASE } from '@app/domain';
import { REPORT_TEXT_KEYS, ReportInput } from './report-input';
import { D } from './figures';

/** An assessment (bedömning) in a sentence; the words live in libs/domain's labels. */
export const BEDOMNING_LABEL = CHOICE_PHRASE;

/** The förbundschef's texts that exist, as subsections in the given order. */
export function textsFor(
  input: ReportInput,
  keys: Array<keyof typeof REPORT_TEXT_KEYS>,
): Array<{ id: string; title: string; text: string }> {
  return keys
    .filter((k) => input.texts[k]?.trim())
    .map((k) => ({ id: k, title: REPORT_TEXT_KEYS[k], text: input.texts[k] }));
}

export function defaultIntro(input: ReportInput): string {
  return (
    `${input.organisation.name} är ett samordningsförbund enligt lagen (2003:1210) om finansiell samordning av rehabiliteringsinsatser. ` +
    `Medlemmar är Försäkringskassan, Arbetsförmedlingen, regionen och kommunerna, som tillsammans finansierar förbundets insatser.` +
    (input.organisation.vision ? ` Visionen är: ${input.organisation.vision}` : '')
  );
}

/** A follow-up as labelled lines, using the template's own labels. */
export function followUpSections(
  f: ReportInput['followUps'][number],
): Array<{ title: string; lines: Array<[string, string]> }> {
  const out: Array<{ title: string; lines: Array<[string, string]> }> = [];
  const a = f.answers as Record<string, unknown>;
  for (const s of UPPFOLJNING_INSATS_V1.sections) {
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
            const text =
              fd.type === 'money'
                ? `${formatAmount(D(String(raw)), 'kr', { separator: ' ' })} kr`
                : fd.type === 'share'
                  ? `${D(String(raw)).times(100).toDecimalPlaces(1).toString().replace('.', ',')} %`
                  : (BEDOMNING_LABEL[String(raw)] ?? String(raw));
            return [fd.label, text];
          }),
      });
    }
  }
  return out;
}

/** One bilaga per approved follow-up of the period, in the follow-ups' order. */
export function bilagor({ followUps }: BuildContext): ReportModel['bilagor'] {
  return followUps.map((f, i) => ({
    id: `bilaga_${i + 1}`,
    title: `Bilaga ${i + 1}: Uppföljning ${f.insatsName}, ${f.period}`,
    insatsKey: f.insatsKey,
    period: f.period,
    contentHash: f.contentHash,
    sections: followUpSections(f),
    attachments: f.attachments ?? [],
  }));
}
