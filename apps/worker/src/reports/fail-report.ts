import { DataSource } from 'typeorm';
import { REPORT_STATUS_LABEL } from '@app/domain';
import { appendAudit } from '@app/infra';
import { markReportFailed } from './report.store';

/**
 * Ends a report FAILED with a reason its reader can act on (Swedish), together with its audit entry, in one
 * transaction; nothing when it is READY already.
 */
export async function failReport(
  ds: DataSource,
  reportId: string,
  reason: string,
  stage = REPORT_STATUS_LABEL.FAILED,
): Promise<boolean> {
  return ds.transaction(async (em) => {
    const failed = await markReportFailed(em, reportId, reason, stage);
    if (!failed) return false;
    await appendAudit(em, {
      organisationId: failed.organisation_id,
      actorId: failed.requested_by,
      action: 'report.failed',
      entityType: 'report',
      entityId: reportId,
      fromState: failed.from_status,
      toState: 'FAILED',
      payload: { reason },
    });
    return true;
  });
}
