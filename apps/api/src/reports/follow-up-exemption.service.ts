import { Injectable } from '@nestjs/common';
import { owesPeriod, periodKind, periodLabel } from '@app/domain';
import { appendAudit, FollowUpExemptionRow, FollowUpExemptionStore, UnitOfWork } from '@app/infra';
import { AppError } from '../common/errors/app-error';
import { ReportError } from '../common/errors/error-codes';

const store = FollowUpExemptionStore;

/**
 * The förbundschef's decision that an insats owes no follow-up for a period (with a reason): the period's
 * report then shows "Undantagen: <skäl>" and its check passes. Each decision is audited with its reason.
 */
@Injectable()
export class FollowUpExemptionService {
  constructor(private readonly uow: UnitOfWork) {}

  list(organisationId: string, year: number): Promise<FollowUpExemptionRow[]> {
    return store.forPeriods(this.uow.reader, organisationId, [`DELAR-${year}`, `HELAR-${year}`]);
  }

  async exempt(
    insatsId: string,
    period: string,
    reason: string,
    actorId: string,
  ): Promise<FollowUpExemptionRow> {
    const why = reason.trim();
    if (!why)
      throw new AppError(ReportError.BAD_EXEMPTION, 'Ange skälet till att insatsen undantas.', {
        details: [{ path: '$.reason', message: 'skäl krävs' }],
      });
    if (why.length > 2000)
      throw new AppError(ReportError.BAD_EXEMPTION, 'Skälet får vara högst 2 000 tecken.', {
        details: [{ path: '$.reason', message: 'högst 2 000 tecken' }],
      });
    const insats = await this.insats(insatsId);
    if (!periodKind(period))
      throw new AppError(ReportError.BAD_EXEMPTION, 'Ange perioden som delår eller helår och år.', {
        details: [{ path: '$.period', message: 'ska vara DELAR-ÅÅÅÅ eller HELAR-ÅÅÅÅ' }],
      });
    if (!owesPeriod(insats, period))
      throw new AppError(
        ReportError.BAD_EXEMPTION,
        `${insats.name} pågår inte under ${periodLabel(period).toLowerCase()} och är inte skyldig någon uppföljning då.`,
        { details: [{ path: '$.period', message: 'insatsen pågår inte under perioden' }] },
      );
    return this.uow.write(async (tx) => {
      const { previousReason } = await store.upsert(tx, {
        insatsId,
        organisationId: insats.organisationId,
        period,
        reason: why,
        decidedBy: actorId,
      });
      await appendAudit(tx, {
        organisationId: insats.organisationId,
        actorId,
        action: 'follow_up.exempted',
        entityType: 'insats',
        entityId: insatsId,
        payload: { insatsId, period, reason: why, previousReason },
      });
      return (await store.one(tx, insatsId, period))!;
    });
  }

  async remove(insatsId: string, period: string, actorId: string): Promise<boolean> {
    const insats = await this.insats(insatsId);
    return this.uow.write(async (tx) => {
      const removed = await store.remove(tx, insatsId, period);
      if (!removed)
        throw new AppError(ReportError.EXEMPTION_NOT_FOUND, 'Insatsen är inte undantagen för perioden.');
      await appendAudit(tx, {
        organisationId: insats.organisationId,
        actorId,
        action: 'follow_up.exemption_removed',
        entityType: 'insats',
        entityId: insatsId,
        payload: { insatsId, period, reason: removed.reason },
      });
      return true;
    });
  }

  private async insats(insatsId: string) {
    const insats = await store.insats(this.uow.reader, insatsId);
    if (!insats) throw new AppError(ReportError.EXEMPTION_NOT_FOUND, 'Insatsen finns inte.');
    return insats;
  }
}
