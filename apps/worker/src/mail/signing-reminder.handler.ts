import { Injectable } from '@nestjs/common';
import { enqueueJob, JobName, JobPayload, UnitOfWork } from '@app/infra';
import { JobHandler } from '../common/job-handler';
import { signersToRemind, signingRequestState } from './reminder.store';

/** Reminds the signers who have been asked but not yet signed, while the request is open. */
@Injectable()
export class SigningReminderHandler implements JobHandler<JobName.SIGNING_REMINDER> {
  readonly name = JobName.SIGNING_REMINDER;

  constructor(private readonly uow: UnitOfWork) {}

  handle(p: JobPayload<JobName.SIGNING_REMINDER>): Promise<{ reminded: number }> {
    return this.uow.write(async (em) => {
      const r = await signingRequestState(em, p.requestId);
      if (!r || r.status !== 'OPEN' || new Date(r.expires_at).getTime() < Date.now()) return { reminded: 0 };
      const people = await signersToRemind(em, p.requestId);
      for (const x of people) {
        await enqueueJob(
          em,
          JobName.SEND_EMAIL,
          {
            eventId: `signing-reminder-${p.requestId}-${p.round}`,
            to: x.email,
            subject: 'Påminnelse: dokument att underteckna',
            text: `Hej ${x.name}!\n\nEtt dokument väntar fortfarande på din underskrift. Begäran gäller till ${new Date(r.expires_at).toISOString().slice(0, 10)}.\n`,
          },
          { organisationId: r.organisation_id },
        );
      }
      return { reminded: people.length };
    });
  }
}
