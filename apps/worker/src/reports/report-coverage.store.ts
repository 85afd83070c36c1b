import type { ApprovedFollowUp, ReportInsats } from '@app/reporting';
import type { TemplateDef } from '@app/domain';
import { FollowUpExemptionStore, Tx } from '@app/infra';

/** What a report needs to account for every insats of its period, by insats key. */
export interface ReportCoverageRows {
  /** Each insats' id and dates, and the periods of the year it is exempted from (period → reason). */
  insatser: Map<string, Pick<ReportInsats, 'id' | 'start' | 'end' | 'exempt'>>;
  /** The template version each approved follow-up of the year was filled in with, by "insatsKey/period". */
  templates: Map<string, TemplateDef>;
}

/** Reads the insatser's dates, the follow-ups' template versions and the förbundschef's exemptions of a year. */
export async function readReportCoverage(
  tx: Tx,
  organisationId: string,
  year: number,
): Promise<ReportCoverageRows> {
  const periods = [`DELAR-${year}`, `HELAR-${year}`];
  const insatser: Array<{ id: string; key: string; start: string; end: string | null }> = await tx.query(
    `SELECT id, key, to_char(start_date, 'YYYY-MM-DD') AS start, to_char(end_date, 'YYYY-MM-DD') AS "end"
       FROM insats WHERE organisation_id = $1`,
    [organisationId],
  );
  const templates: Array<{ key: string; period: string; definition: TemplateDef }> = await tx.query(
    `SELECT i.key, s.period, t.definition FROM submission s JOIN insats i ON i.id = s.insats_id
       JOIN form_template t ON t.id = s.template_id
      WHERE s.organisation_id = $1 AND s.status = 'APPROVED' AND s.period = ANY($2)`,
    [organisationId, periods],
  );
  const exemptions = await FollowUpExemptionStore.forPeriods(tx, organisationId, periods);
  const exempt = new Map<string, Record<string, string>>();
  for (const e of exemptions) exempt.set(e.insatsKey, { ...exempt.get(e.insatsKey), [e.period]: e.reason });
  return {
    insatser: new Map(
      insatser.map((i) => [i.key, { id: i.id, start: i.start, end: i.end, exempt: exempt.get(i.key) ?? {} }]),
    ),
    templates: new Map(templates.map((t) => [`${t.key}/${t.period}`, t.definition])),
  };
}

/** Adds the coverage rows to the gathered insatser and follow-ups (in place). */
export function withCoverage(
  rows: ReportCoverageRows,
  insatser: ReportInsats[],
  followUps: ApprovedFollowUp[],
): void {
  for (const i of insatser) Object.assign(i, rows.insatser.get(i.key));
  for (const f of followUps) f.template = rows.templates.get(`${f.insatsKey}/${f.period}`) ?? null;
}
