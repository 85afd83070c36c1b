/** A report version's life: queued by the API, run by the worker, READY with its files or FAILED with a reason. */
export enum ReportStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  READY = 'READY',
  FAILED = 'FAILED',
}

export type ReportEvent = 'progress' | 'complete' | 'fail';

/**
 * Which statuses each event may leave from, and where it leads. A READY report is final: its files and audit
 * entry exist, so a retried job must not touch it. A FAILED report may run again (a retried job).
 */
export const REPORT_TRANSITIONS: Readonly<
  Record<ReportEvent, { from: readonly ReportStatus[]; to: ReportStatus }>
> = {
  progress: {
    from: [ReportStatus.QUEUED, ReportStatus.RUNNING, ReportStatus.FAILED],
    to: ReportStatus.RUNNING,
  },
  complete: {
    from: [ReportStatus.QUEUED, ReportStatus.RUNNING, ReportStatus.FAILED],
    to: ReportStatus.READY,
  },
  fail: { from: [ReportStatus.QUEUED, ReportStatus.RUNNING, ReportStatus.FAILED], to: ReportStatus.FAILED },
};

export type ReportDecision =
  | { ok: true; from: ReportStatus; to: ReportStatus }
  | { ok: false; code: 'INVALID_TRANSITION' | 'REASON_REQUIRED'; message: string };

/** Pure: may a report in `status` take `event`? A failure needs a reason the user can read. */
export function decideReportStatus(
  status: ReportStatus,
  event: ReportEvent,
  input: { reason?: string | null } = {},
): ReportDecision {
  const t = REPORT_TRANSITIONS[event];
  if (!t.from.includes(status))
    return {
      ok: false,
      code: 'INVALID_TRANSITION',
      message: `Rapporten är ${status} och kan inte ändras (${event}).`,
    };
  if (event === 'fail' && !input.reason?.trim())
    return { ok: false, code: 'REASON_REQUIRED', message: 'En misslyckad rapport måste ha en orsak.' };
  return { ok: true, from: status, to: t.to };
}

/** The statuses an event may leave from, for a store's guarded UPDATE (`WHERE status = ANY($n)`). */
export const reportStatusesFrom = (event: ReportEvent): string[] => [...REPORT_TRANSITIONS[event].from];
