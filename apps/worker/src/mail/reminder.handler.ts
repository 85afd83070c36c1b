import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EDITABLE, SubmissionStatus } from '@app/domain';
import { enqueueJob, JobName, JobPayload } from '@app/infra';
import { JobHandler } from '../common/job-handler';
import { WORKER_DATA_SOURCE } from '../common/tokens';

/** A deadline is near: remind the projektägare, unless the follow-up has already been sent in. */
@Injectable()
export class SubmissionReminderHandler implements JobHandler<JobName.SUBMISSION_REMINDER> {
  readonly name = JobName.SUBMISSION_REMINDER;

  constructor(@Inject(WORKER_DATA_SOURCE) private readonly ds: DataSource) {}

  async handle(p: JobPayload<JobName.SUBMISSION_REMINDER>): Promise<{ reminded: number }> {
    return this.ds.transaction(async (em) => {
      const [s] = await em.query(
        `SELECT s.status, s.period, s.organisation_id, s.insats_id, i.name AS insats_name FROM submission s JOIN insats i ON i.id = s.insats_id
          WHERE s.id = $1 AND s.is_current`,
        [p.submissionId],
      );
      if (!s || !EDITABLE.has(s.status as SubmissionStatus)) return { reminded: 0 };
      const people: Array<{ email: string }> = await em.query(
        `SELECT DISTINCT p.email FROM role_assignment r JOIN person p ON p.id = r.person_id WHERE r.role = 'PROJEKTAGARE' AND r.insats_id = $1`,
        [s.insats_id],
      );
      const when = p.daysBefore === 1 ? 'i morgon' : `om ${p.daysBefore} dagar`;
      for (const person of people) {
        // Through the outbox like every e-mail, so a crash here sends nothing twice.
        await enqueueJob(
          em,
          JobName.SEND_EMAIL,
          {
            eventId: `reminder-${p.submissionId}-${p.deadline}-${p.daysBefore}`,
            to: person.email,
            subject: `Påminnelse: uppföljningen för ${s.insats_name} ska lämnas ${when}`,
            text: `Uppföljningen för ${s.insats_name} (${s.period}) ska lämnas senast ${p.deadline}. Den är ännu inte inskickad.\n`,
          },
          { organisationId: s.organisation_id },
        );
      }
      return { reminded: people.length };
    });
  }
}
