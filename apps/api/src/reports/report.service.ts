import { Injectable } from '@nestjs/common';
import { appendAudit, enqueueJob, JobName, UnitOfWork } from '@app/infra';
import { AppError } from '../common/errors/app-error';
import { ReportError } from '../common/errors/error-codes';
import { ReportKindEnum, ReportType } from './report.types';
import { insertQueuedReport, reportById, reportsOf } from './report.store';

/** Compiling is queued through the outbox; every compilation is a new version and the old ones stay. */
@Injectable()
export class ReportService {
  constructor(private readonly uow: UnitOfWork) {}

  async request(
    organisationId: string,
    kind: ReportKindEnum,
    year: number,
    actorId: string | null,
  ): Promise<ReportType> {
    if (!Number.isInteger(year) || year < 2000 || year > 2200) {
      throw new AppError(ReportError.BAD_YEAR, 'Ange ett rimligt år.', {
        details: [{ path: '$.year', message: 'ska vara ett år' }],
      });
    }
    const id = await this.uow.write(async (em) => {
      const r = await insertQueuedReport(em, { organisationId, kind, year }, actorId);
      await enqueueJob(em, JobName.COMPILE_REPORT, { reportId: r.id, organisationId }, { organisationId });
      await appendAudit(em, {
        organisationId,
        actorId,
        action: 'report.requested',
        entityType: 'report',
        entityId: r.id,
        toState: 'QUEUED',
        payload: { kind, year, version: r.version },
      });
      return r.id;
    });
    return this.get(id);
  }

  async get(id: string): Promise<ReportType> {
    const r = /^[0-9a-f-]{36}$/i.test(id) ? await reportById(this.uow.reader, id) : null;
    if (!r) throw new AppError(ReportError.NOT_FOUND, 'Rapporten finns inte.');
    return r;
  }

  list(organisationId: string): Promise<ReportType[]> {
    return reportsOf(this.uow.reader, organisationId);
  }
}
