import { Injectable } from '@nestjs/common';
import { appendAudit, UnitOfWork } from '@app/infra';
import { REPORT_TEXT_KEYS, ValidationIssue } from '@app/domain';
import { AppError } from '../common/errors/app-error';
import { ReportError } from '../common/errors/error-codes';
import { ReportKindEnum } from './report.types';
import { insertReportTexts, reportTexts, updateReportTexts } from './report.store';

export interface ReportTexts {
  texts: Record<string, string>;
  version: number;
}

/** The förbundschef's texts for a report; saves carry the version they were based on. */
@Injectable()
export class ReportTextsService {
  constructor(private readonly uow: UnitOfWork) {}

  async get(organisationId: string, kind: ReportKindEnum, year: number): Promise<ReportTexts> {
    const r = await reportTexts(this.uow.reader, { organisationId, kind, year });
    return r ? { texts: r.texts, version: r.version } : { texts: {}, version: 0 };
  }

  async save(
    organisationId: string,
    kind: ReportKindEnum,
    year: number,
    version: number,
    texts: unknown,
    actorId: string,
  ): Promise<ReportTexts> {
    const issues: ValidationIssue[] = [];
    if (kind === ReportKindEnum.VERKSAMHETSPLAN)
      throw new AppError(
        ReportError.BAD_TEXTS,
        'Verksamhetsplanens texter skrivs i planen, under Verksamhetsplan.',
        {
          details: [
            { path: '$.kind', message: 'texter sparas här bara för delårsrapport och årsredovisning' },
          ],
        },
      );
    if (!texts || typeof texts !== 'object' || Array.isArray(texts))
      issues.push({ path: '$', message: 'ska vara ett objekt med texter' });
    else {
      for (const [k, v] of Object.entries(texts)) {
        if (!(k in REPORT_TEXT_KEYS))
          issues.push({
            path: `$.${k}`,
            message: `okänd text; tillåtna: ${Object.keys(REPORT_TEXT_KEYS).join(', ')}`,
          });
        else if (typeof v !== 'string') issues.push({ path: `$.${k}`, message: 'ska vara text' });
        else if (v.length > 20000) issues.push({ path: `$.${k}`, message: 'får vara högst 20 000 tecken' });
      }
    }
    if (issues.length)
      throw new AppError(ReportError.BAD_TEXTS, 'Texterna innehåller fel och har inte sparats.', {
        details: issues,
      });
    return this.uow.write(async (em) => {
      const key = { organisationId, kind, year };
      const saved =
        version === 0
          ? await insertReportTexts(em, key, texts, actorId)
          : await updateReportTexts(em, key, version, texts, actorId);
      if (saved === null) {
        const current = await this.get(organisationId, kind, year);
        throw new AppError(
          ReportError.VERSION_CONFLICT,
          `Någon annan har sparat texterna sedan du öppnade dem (nu version ${current.version}).`,
          { currentVersion: current.version },
        );
      }
      await appendAudit(em, {
        organisationId,
        actorId,
        action: 'report_texts.saved',
        entityType: 'report_text',
        entityId: `${kind}/${year}`,
        payload: { version: saved, keys: Object.keys(texts as object) },
      });
      return { texts: texts as Record<string, string>, version: saved };
    });
  }
}
