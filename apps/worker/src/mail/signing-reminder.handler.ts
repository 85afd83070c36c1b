import { Inject, Injectable } from '@nestjs/common';
import { MAIL_ROUTES, signingRequestMail, webBaseUrl } from '@app/domain';
import { AppConfig, enqueueJob, JobName, JobPayload, UnitOfWork } from '@app/infra';
import { JobHandler } from '../common/job-handler';
import { WORKER_CONFIG } from '../common/tokens';
import { signersToRemind, signingRequestState } from './reminder.store';

/** Reminds the signers who have been asked but not yet signed, while the request is open. */
@Injectable()
export class SigningReminderHandler implements JobHandler<JobName.SIGNING_REMINDER> {
  readonly name = JobName.SIGNING_REMINDER;

  constructor(
    private readonly uow: UnitOfWork,
    @Inject(WORKER_CONFIG) private readonly config: AppConfig,
  ) {}

  handle(p: JobPayload<JobName.SIGNING_REMINDER>): Promise<{ reminded: number }> {
    return this.uow.write(async (em) => {
      const r = await signingRequestState(em, p.requestId);
      if (!r || r.status !== 'OPEN' || new Date(r.expires_at).getTime() < Date.now()) return { reminded: 0 };
      const people = await signersToRemind(em, p.requestId);
      for (const x of people) {
        const mail = signingRequestMail({
          name: x.name,
          organisationName: r.organisation_name,
          kind: r.kind,
          year: r.year,
          expiresAt: r.expires_at,
          link: `${webBaseUrl(this.config)}${MAIL_ROUTES.report(r.report_id)}`,
          reminder: true,
        });
        await enqueueJob(
          em,
          JobName.SEND_EMAIL,
          { eventId: `signing-reminder-${p.requestId}-${p.round}`, to: x.email, ...mail },
          { organisationId: r.organisation_id },
        );
      }
      return { reminded: people.length };
    });
  }
}
