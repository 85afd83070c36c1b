import { Injectable } from '@nestjs/common';
import {
  EDITABLE,
  isLate,
  periodDeadline,
  periodKind,
  periodLabel,
  periodsDueNow,
  periodYear,
  Principal,
  reportTitle,
  Role,
  SubmissionStatus,
  swedishDate,
  WAITING_KIND_LABEL,
  WaitingKind,
} from '@app/domain';
import { UnitOfWork } from '@app/infra';
import { SubmissionReads } from '../submissions/submission-reads.service';
import * as store from './waiting.store';
import { WaitingItemType } from './waiting.types';

const deadlineOf = (period: string, workflowConfig: unknown) =>
  periodDeadline(periodKind(period)!, periodYear(period)!, workflowConfig);

/**
 * "Väntar på dig": everything that waits for the caller, from their own grants only. A fixed number of queries
 * per request (the inbox's two, then one per kind of source), whatever the number of items.
 */
@Injectable()
export class WaitingService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly reads: SubmissionReads,
  ) {}

  async forMe(p: Principal, now = new Date()): Promise<WaitingItemType[]> {
    const orgs = [...new Set(p.grants.map((g) => g.organisationId))];
    if (!orgs.length) return [];
    const tx = this.uow.reader;
    const item = (kind: WaitingKind, rest: Omit<WaitingItemType, 'kind' | 'kindLabel'>): WaitingItemType => ({
      kind,
      kindLabel: WAITING_KIND_LABEL[kind],
      ...rest,
    });
    const out: WaitingItemType[] = [];

    // Follow-ups that exist and wait for me: my drafts and returned ones, and reviews at my step.
    for (const r of await this.reads.inboxRows(p)) {
      const mineToEdit = EDITABLE.has(r.status);
      const deadline = deadlineOf(r.period, r.workflow_config);
      out.push(
        item(
          !mineToEdit
            ? 'FOLLOW_UP_TO_REVIEW'
            : r.status === SubmissionStatus.RETURNED
              ? 'FOLLOW_UP_RETURNED'
              : 'FOLLOW_UP_DRAFT',
          {
            title: `${r.insats_name}, ${periodLabel(r.period)}`,
            dueDate: deadline,
            late: mineToEdit && isLate(deadline, now),
            targetId: r.id,
            period: r.period,
            organisationId: r.organisation_id,
            organisationName: r.org_name,
          },
        ),
      );
    }

    // Follow-ups my insatser owe and nobody has started (nor the förbundschef exempted).
    const ownerOf = [
      ...new Set(
        p.grants.filter((g) => g.role === Role.PROJEKTAGARE && g.insatsId).map((g) => g.insatsId as string),
      ),
    ];
    const insatser = await store.insatser(tx, ownerOf);
    const taken = await store.periodsTaken(
      tx,
      insatser.map((i) => i.id),
    );
    for (const i of insatser)
      for (const period of periodsDueNow(i, now)) {
        if (taken.has(`${i.id}:${period}`)) continue;
        const deadline = deadlineOf(period, i.workflow_config);
        out.push(
          item('FOLLOW_UP_TO_START', {
            title: `${i.name}, ${periodLabel(period)}`,
            dueDate: deadline,
            late: isLate(deadline, now),
            targetId: i.id,
            period,
            organisationId: i.organisation_id,
            organisationName: i.organisation_name,
          }),
        );
      }

    // Signatures waiting for me, in the förbund where I still hold a role.
    for (const s of await store.signaturesWaiting(tx, p.personId, orgs))
      out.push(
        item('SIGNATURE', {
          title: s.title ?? reportTitle(s.kind, s.year),
          dueDate: swedishDate(new Date(s.expires_at)),
          late: false,
          targetId: s.report_id,
          period: null,
          organisationId: s.organisation_id,
          organisationName: s.organisation_name,
        }),
      );

    // Reports ready to send for signing, for the förbundschef.
    const chefOf = [
      ...new Set(p.grants.filter((g) => g.role === Role.FORBUNDSCHEF).map((g) => g.organisationId)),
    ];
    for (const r of await store.reportsToSend(tx, chefOf))
      out.push(
        item('REPORT_TO_SEND', {
          title: r.title ?? reportTitle(r.kind, r.year),
          dueDate: null,
          late: false,
          targetId: r.report_id,
          period: null,
          organisationId: r.organisation_id,
          organisationName: r.organisation_name,
        }),
      );

    // Late first, then by due date (those without one last).
    return out.sort(
      (a, b) =>
        Number(b.late) - Number(a.late) ||
        (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') ||
        a.title.localeCompare(b.title, 'sv'),
    );
  }
}
