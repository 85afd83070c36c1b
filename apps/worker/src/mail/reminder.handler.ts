import { Injectable } from '@nestjs/common';
import { EDITABLE, Role, SubmissionStatus } from '@app/domain';
import { enqueueJob, JobName, JobPayload, peopleWithRole, UnitOfWork } from '@app/infra';
import { JobHandler } from '../common/job-handler';
import { reminderSubject } from './reminder.store';

/** A deadline is near: remind the projektägare, unless the follow-up has already been sent in. */
@Injectable()
export class SubmissionReminderHandler implements JobHandler<JobName.SUBMISSION_REMINDER> {
  readonly name = JobName.SUBMISSION_REMINDER;

  constructor(private readonly uow: UnitOfWork) {}

  async handle(p: JobPayload<JobName.SUBMISSION_REMINDER>): Promise<{ reminded: number }> {
    return this.uow.write(async (tx) => {
      const s = await reminderSubject(tx, p.submissionId);
      if (!s || !EDITABLE.has(s.status as SubmissionStatus)) return { reminded: 0 };
      const people = await peopleWithRole(tx, {
        organisationId: s.organisation_id,
        roles: [Role.PROJEKTAGARE],
        insatsId: s.insats_id,
      });
      const emails = [...new Set(people.map((x) => x.email))];
      const when = p.daysBefore === 1 ? 'i morgon' : `om ${p.daysBefore} dagar`;
      for (const email of emails) {
        // Through the outbox like every e-mail, so a crash here sends nothing twice.
        await enqueueJob(
          tx,
          JobName.SEND_EMAIL,
          {
            eventId: `reminder-${p.submissionId}-${p.deadline}-${p.daysBefore}`,
            to: email,
            subject: `Påminnelse: uppföljningen för ${s.insats_name} ska lämnas ${when}`,
            text: `Uppföljningen för ${s.insats_name} (${s.period}) ska lämnas senast ${p.deadline}. Den är ännu inte inskickad.\n`,
          },
          { organisationId: s.organisation_id },
        );
      }
      return { reminded: emails.length };
    });
  }
}
