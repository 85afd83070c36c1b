import { decideReportStatus, REPORT_TRANSITIONS, ReportStatus, reportStatusesFrom } from './report-status';

describe('report status transitions', () => {
  it('runs a queued report, then makes it READY', () => {
    expect(decideReportStatus(ReportStatus.QUEUED, 'progress')).toEqual({
      ok: true,
      from: ReportStatus.QUEUED,
      to: ReportStatus.RUNNING,
    });
    expect(decideReportStatus(ReportStatus.RUNNING, 'complete')).toMatchObject({
      ok: true,
      to: ReportStatus.READY,
    });
  });

  it('fails a running report only with a reason', () => {
    expect(decideReportStatus(ReportStatus.RUNNING, 'fail')).toMatchObject({
      ok: false,
      code: 'REASON_REQUIRED',
    });
    expect(decideReportStatus(ReportStatus.RUNNING, 'fail', { reason: '  ' })).toMatchObject({ ok: false });
    expect(decideReportStatus(ReportStatus.RUNNING, 'fail', { reason: 'Underlag saknas' })).toMatchObject({
      ok: true,
      to: ReportStatus.FAILED,
    });
  });

  it('never changes a READY report', () => {
    for (const event of ['progress', 'complete', 'fail'] as const)
      expect(decideReportStatus(ReportStatus.READY, event, { reason: 'x' })).toMatchObject({
        ok: false,
        code: 'INVALID_TRANSITION',
      });
  });

  it('lets a FAILED report run again (a retried job)', () => {
    expect(decideReportStatus(ReportStatus.FAILED, 'progress')).toMatchObject({
      ok: true,
      to: ReportStatus.RUNNING,
    });
  });

  it('gives stores the statuses each event leaves from', () => {
    expect(reportStatusesFrom('complete')).toEqual(['QUEUED', 'RUNNING', 'FAILED']);
    expect(Object.keys(REPORT_TRANSITIONS)).toEqual(['progress', 'complete', 'fail']);
  });
});
