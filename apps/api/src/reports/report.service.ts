import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { appendAudit, enqueueJob, JobName } from '@app/infra';
import { DATA_SOURCE } from '../common/infra/tokens';
import { AppError } from '../common/errors/app-error';
import { ReportError } from '../common/errors/error-codes';
import { ReportKindEnum, ReportType } from './report.types';

const COLUMNS = `id, organisation_id AS "organisationId", kind, year, version, status, progress, stage, model, COALESCE(checks, '[]'::jsonb) AS checks,
  checks_passed AS "checksPassed", pdf_file_id AS "pdfFileId", xlsx_file_id AS "xlsxFileId", json_file_id AS "jsonFileId", error,
  to_char(created_at AT TIME ZONE 'UTC','YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "createdAt"`;

/** Compiling is queued through the outbox; every compilation is a new version and the old ones stay. */
@Injectable()
export class ReportService {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

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
    const id = await this.ds.transaction(async (em) => {
      await em.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 17))', [
        `report:${organisationId}:${kind}:${year}`,
      ]);
      const [{ v }] = await em.query(
        'SELECT COALESCE(max(version), 0) + 1 AS v FROM report WHERE organisation_id = $1 AND kind = $2 AND year = $3',
        [organisationId, kind, year],
      );
      const [r] = await em.query(
        `INSERT INTO report (organisation_id, kind, year, version, status, progress, stage, requested_by) VALUES ($1,$2,$3,$4,'QUEUED',0,'I kö',$5) RETURNING id`,
        [organisationId, kind, year, v, actorId],
      );
      await enqueueJob(em, JobName.COMPILE_REPORT, { reportId: r.id, organisationId }, { organisationId });
      await appendAudit(em, {
        organisationId,
        actorId,
        action: 'report.requested',
        entityType: 'report',
        entityId: r.id,
        toState: 'QUEUED',
        payload: { kind, year, version: v },
      });
      return r.id as string;
    });
    return this.get(id);
  }

  async get(id: string): Promise<ReportType> {
    const [r] = /^[0-9a-f-]{36}$/i.test(id)
      ? await this.ds.query(`SELECT ${COLUMNS} FROM report WHERE id = $1`, [id])
      : [];
    if (!r) throw new AppError(ReportError.NOT_FOUND, 'Rapporten finns inte.');
    return r;
  }

  list(organisationId: string): Promise<ReportType[]> {
    return this.ds.query(
      `SELECT ${COLUMNS.replace('model,', 'NULL::jsonb AS model,')} FROM report WHERE organisation_id = $1 ORDER BY created_at DESC, version DESC`,
      [organisationId],
    );
  }
}
