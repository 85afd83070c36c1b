import { Tx } from '@app/infra';

export interface ReminderSubjectRow {
  status: string;
  period: string;
  organisation_id: string;
  insats_id: string;
  insats_name: string;
}

/** The current revision a reminder is about, or null when it was superseded or never existed. */
export async function reminderSubject(tx: Tx, submissionId: string): Promise<ReminderSubjectRow | null> {
  const [s] = await tx.query(
    `SELECT s.status, s.period, s.organisation_id, s.insats_id, i.name AS insats_name FROM submission s JOIN insats i ON i.id = s.insats_id
      WHERE s.id = $1 AND s.is_current`,
    [submissionId],
  );
  return s ?? null;
}
