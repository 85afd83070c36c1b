import { Inject, Injectable } from '@nestjs/common';
import {
  ComposedMail,
  MAIL_ROUTES,
  periodDeadline,
  submissionApprovedMail,
  submissionReturnedMail,
  submissionToReviewMail,
  webBaseUrl,
  reminderAt,
  periodKind,
  periodYear,
  Role,
  SubmissionStatus,
  WorkflowAction,
  workflowFrom,
} from '@app/domain';
import { AppConfig, JobName, WriteTx } from '@app/infra';
import { APP_CONFIG } from '../common/infra/tokens';
import { SubmissionRow, SubmissionStore } from './submission.store';

/** The e-mail a transition sends: to whom and what, or null for none. */
export function mailFor(
  row: Pick<SubmissionRow, 'id' | 'insats_name' | 'period' | 'workflow_config'>,
  m: { link: string; organisationName: string },
  t: {
    action: WorkflowAction;
    status: SubmissionStatus;
    step: number;
    stepCompleted: boolean;
    comment: string | null;
  },
): ({ role: Role } & ComposedMail) | null {
  const about = { ...m, insatsName: row.insats_name, period: row.period };
  if (
    t.action === 'submit' ||
    (t.action === 'approve' && t.stepCompleted && t.status !== SubmissionStatus.APPROVED)
  ) {
    const role = workflowFrom(row.workflow_config).steps[t.step]?.role;
    if (!role) return null;
    return { role, ...submissionToReviewMail(about) };
  }
  if (t.action === 'return')
    return { role: Role.PROJEKTAGARE, ...submissionReturnedMail({ ...about, comment: t.comment }) };
  if (t.action === 'approve' && t.status === SubmissionStatus.APPROVED)
    return { role: Role.PROJEKTAGARE, ...submissionApprovedMail(about) };
  return null;
}

/** E-mail and reminders of the follow-ups, through the outbox in the caller's transaction. */
@Injectable()
export class SubmissionNotifications {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly store: SubmissionStore,
  ) {}

  /** E-mail to whoever the submission now waits for. */
  async notify(
    tx: WriteTx,
    row: SubmissionRow,
    t: {
      action: WorkflowAction;
      status: SubmissionStatus;
      step: number;
      stepCompleted: boolean;
      comment: string | null;
    },
  ): Promise<void> {
    const link = `${webBaseUrl(this.config)}${MAIL_ROUTES.submission(row.id)}`;
    const mail = mailFor(row, { link, organisationName: row.org_name }, t);
    if (!mail) return;
    const people = await this.store.recipients(tx, row.organisation_id, mail.role, row.insats_id);
    for (const email of [...new Set(people.map((p) => p.email))].sort()) {
      await this.store.enqueue(
        tx,
        JobName.SEND_EMAIL,
        {
          eventId: `submission-${row.id}-v${row.version}-${t.action}`,
          to: email,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
        },
        { organisationId: row.organisation_id },
      );
    }
  }

  /** Reminders 7 and 1 days before the period's deadline, as delayed jobs. */
  async scheduleReminders(
    tx: WriteTx,
    submissionId: string,
    organisationId: string,
    period: string,
  ): Promise<void> {
    const config = await this.store.workflowConfig(tx, organisationId);
    const deadline = periodDeadline(periodKind(period)!, periodYear(period)!, config);
    for (const daysBefore of [7, 1]) {
      const at = reminderAt(deadline, daysBefore);
      if (at.getTime() <= Date.now()) continue;
      await this.store.enqueue(
        tx,
        JobName.SUBMISSION_REMINDER,
        { submissionId, daysBefore, deadline },
        { organisationId, delayUntil: at },
      );
    }
  }
}
