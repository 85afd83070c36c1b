import { Injectable } from '@nestjs/common';
import { appendAudit, UnitOfWork } from '@app/infra';
import { catalogueSection, REPORT_TEXT_KEYS, ValidationIssue } from '@app/domain';
import { AppError } from '../common/errors/app-error';
import { ReportError } from '../common/errors/error-codes';
import { ReportKindEnum } from './report.types';
import { insertReportTexts, reportTexts, updateReportTexts } from './report.store';
import { ReportStructureService } from './report-structure.service';

export interface ReportTexts {
  texts: Record<string, string>;
  version: number;
}

/** A text the report has room for: its key (the section's id), its heading, whether it follows figures. */
export interface ReportTextField {
  key: string;
  title: string;
  withFigures: boolean;
}

/** The förbundschef's texts for a report; saves carry the version they were based on. */
@Injectable()
export class ReportTextsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly structures: ReportStructureService,
  ) {}

  /**
   * The texts the förbund's report structure has room for, in its order and under its headings: every chosen
   * section that carries a text (the figures' sections too, whose text follows their tables), then any text
   * saved earlier for a section no longer chosen, so nothing written disappears from the editor.
   */
  async fields(
    organisationId: string,
    kind: ReportKindEnum,
    saved: Record<string, string>,
  ): Promise<ReportTextField[]> {
    if (kind === ReportKindEnum.VERKSAMHETSPLAN) return [];
    const s = await this.structures.get(organisationId, kind);
    const fields = s.entries
      .filter((e) => e.kind !== 'FIGURES')
      .map((e) => ({ key: e.id, title: e.heading, withFigures: e.kind === 'FIGURES_AND_TEXT' }));
    for (const key of Object.keys(saved))
      if (!fields.some((f) => f.key === key) && Object.hasOwn(REPORT_TEXT_KEYS, key))
        fields.push({
          key,
          title: `${REPORT_TEXT_KEYS[key]} (ingår inte i rapporten)`,
          withFigures: catalogueSection(key)?.kind === 'FIGURES_AND_TEXT',
        });
    return fields;
  }

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
        // Own keys only: "constructor" or "__proto__" are in every object's prototype, not texts of the report.
        if (!Object.hasOwn(REPORT_TEXT_KEYS, k))
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
