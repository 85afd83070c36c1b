import { Inject, Injectable } from '@nestjs/common';
import {
  EDITABLE,
  MAIL_ROUTES,
  Role,
  SubmissionStatus,
  submissionReminderMail,
  webBaseUrl,
} from '@app/domain';
import { AppConfig, enqueueJob, JobName, JobPayload, peopleWithRole, UnitOfWork } from '@app/infra';
import { JobHandler } from '../common/job-handler';
import { WORKER_CONFIG } from '../common/tokens';
import { reminderSubject } from './reminder.store';

/** A deadline is near: remind the projektägare, unless the follow-up has already been sent in. */
@Injectable()
export class SubmissionReminderHandler implements JobHandler<JobName.SUBMISSION_REMINDER> {
  readonly name = JobName.SUBMISSION_REMINDER;

  constructor(
    private readonly uow: UnitOfWork,
    @Inject(WORKER_CONFIG) private readonly config: AppConfig,
  ) {}

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
      const mail = submissionReminderMail({
        insatsName: s.insats_name,
        period: s.period,
        deadline: p.deadline,
        daysBefore: p.daysBefore,
        organisationName: s.organisation_name,
        link: `${webBaseUrl(this.config)}${MAIL_ROUTES.submission(p.submissionId)}`,
      });
      for (const email of emails) {
        // Through the outbox like every e-mail, so a crash here sends nothing twice.
        await enqueueJob(
          tx,
          JobName.SEND_EMAIL,
          { eventId: `reminder-${p.submissionId}-${p.deadline}-${p.daysBefore}`, to: email, ...mail },
          { organisationId: s.organisation_id },
        );
      }
      return { reminded: emails.length };
    });
  }
}
