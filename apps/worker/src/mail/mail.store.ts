import { Tx } from '@app/infra';

/** The mail log: which job sent which mail, so a job that already sent is never sent twice. */

export async function sentByJob(tx: Tx, jobId: string): Promise<{ message_id: string | null } | null> {
  const [sent] = await tx.query('SELECT message_id FROM mail_log WHERE job_id = $1', [jobId]);
  return sent ?? null;
}

export async function logSentMail(
  tx: Tx,
  m: { jobId: string; to: string; subject: string; messageId: string | null },
): Promise<void> {
  await tx.query(
    'INSERT INTO mail_log (job_id, recipient, subject, message_id) VALUES ($1,$2,$3,$4) ON CONFLICT (job_id) DO NOTHING',
    [m.jobId, m.to, m.subject, m.messageId],
  );
}
