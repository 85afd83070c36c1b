import { Injectable } from '@nestjs/common';
import { appendAudit, UnitOfWork } from '@app/infra';
import { reportSettingsSchema, resolveReportSettings, ResolvedReportSettings } from '@app/domain';
import { AppError } from '../common/errors/app-error';
import { ReportError } from '../common/errors/error-codes';
import { readReportSettings, writeReportSettings } from './report-settings.store';

/** How a förbund wants its reports: where the delår ends, how deviations are signed, the driftredovisning's columns. */
@Injectable()
export class ReportSettingsService {
  constructor(private readonly uow: UnitOfWork) {}

  async get(organisationId: string): Promise<ResolvedReportSettings> {
    return resolveReportSettings(await readReportSettings(this.uow.reader, organisationId));
  }

  async save(organisationId: string, input: unknown, actorId: string): Promise<ResolvedReportSettings> {
    const parsed = reportSettingsSchema.safeParse(input);
    if (!parsed.success)
      throw new AppError(
        ReportError.BAD_SETTINGS,
        'Rapportinställningarna innehåller fel och har inte sparats.',
        {
          details: parsed.error.issues.map((i) => ({
            path: `$${i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}`,
            message: i.message,
          })),
        },
      );
    const settings = resolveReportSettings(parsed.data);
    return this.uow.write(async (tx) => {
      // A planned decision date is kept only when there is one (the stored settings hold no empty keys).
      const { plannedDecisionDate, ...rest } = settings;
      await writeReportSettings(tx, organisationId, plannedDecisionDate ? settings : rest);
      await appendAudit(tx, {
        organisationId,
        actorId,
        action: 'report_settings.saved',
        entityType: 'organisation',
        entityId: organisationId,
        payload: { ...settings },
      });
      return settings;
    });
  }
}
