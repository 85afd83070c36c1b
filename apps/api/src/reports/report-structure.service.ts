import { Injectable } from '@nestjs/common';
import {
  catalogueFor,
  catalogueSection,
  defaultReportStructure,
  defaultSectionHeading,
  normaliseReportStructure,
  REPORT_SECTION_KIND_LABEL,
  StructureEntry,
  StructuredReportKind,
  validateReportStructure,
} from '@app/domain';
import { appendAudit, currentReportStructure, insertReportStructure, Tx, UnitOfWork } from '@app/infra';
import { AppError } from '../common/errors/app-error';
import { ReportError } from '../common/errors/error-codes';
import { ReportKindEnum } from './report.types';
import { ReportStructureType } from './report-structure.types';

/** A report kind a förbund structures itself (the verksamhetsplan has its own plan editor). */
export function structuredKind(kind: ReportKindEnum): StructuredReportKind {
  if (kind === ReportKindEnum.VERKSAMHETSPLAN)
    throw new AppError(ReportError.BAD_STRUCTURE, 'Verksamhetsplanens avsnitt bestäms i planen.', {
      details: [{ path: '$.kind', message: 'bara delårsrapport och årsredovisning har en egen struktur' }],
    });
  return kind;
}

/**
 * A förbund's report structure per report kind: which sections of the catalogue, in which order, with which
 * headings. Every save is a new version (like form templates) with its audit entry naming what changed; the
 * worker compiles by the newest and records its version in the report.
 */
@Injectable()
export class ReportStructureService {
  constructor(private readonly uow: UnitOfWork) {}

  /** The structure in force: the förbund's newest version, or the seeds' default (version 0). */
  async current(tx: Tx, organisationId: string, kind: StructuredReportKind) {
    const row = await currentReportStructure(tx, organisationId, kind);
    return row ?? { version: 0, entries: defaultReportStructure(kind), createdAt: null, createdByName: null };
  }

  async get(organisationId: string, kind: ReportKindEnum): Promise<ReportStructureType> {
    const k = structuredKind(kind);
    return present(k, await this.current(this.uow.reader, organisationId, k));
  }

  async save(
    organisationId: string,
    kind: ReportKindEnum,
    version: number,
    entries: Array<{ id: string; heading?: string | null }>,
    actorId: string,
  ): Promise<ReportStructureType> {
    const k = structuredKind(kind);
    const plain = entries.map((e) => (e.heading == null ? { id: e.id } : { id: e.id, heading: e.heading }));
    const issues = validateReportStructure(k, plain);
    if (issues.length)
      throw new AppError(
        ReportError.BAD_STRUCTURE,
        'Rapportens struktur innehåller fel och har inte sparats.',
        {
          details: issues,
        },
      );
    const next = normaliseReportStructure(k, plain as StructureEntry[]);
    return this.uow.write(async (tx) => {
      const before = await this.current(tx, organisationId, k);
      const saved =
        before.version === version
          ? await insertReportStructure(tx, organisationId, k, version + 1, next, actorId)
          : null;
      if (saved === null) {
        const now = await this.current(tx, organisationId, k);
        throw new AppError(
          ReportError.VERSION_CONFLICT,
          `Någon annan har ändrat rapportens struktur sedan du öppnade den (nu version ${now.version}).`,
          { currentVersion: now.version },
        );
      }
      const heading = (e: StructureEntry) => e.heading ?? defaultSectionHeading(e.id, k);
      const old = new Map(before.entries.map((e) => [e.id, e]));
      const ids = new Set(next.map((e) => e.id));
      await appendAudit(tx, {
        organisationId,
        actorId,
        action: 'report_structure.saved',
        entityType: 'report_structure',
        entityId: k,
        payload: {
          kind: k,
          version: saved,
          sections: next.map((e) => e.id),
          added: next.filter((e) => !old.has(e.id)).map((e) => e.id),
          removed: before.entries.filter((e) => !ids.has(e.id)).map((e) => e.id),
          renamed: next
            .filter((e) => old.has(e.id) && heading(old.get(e.id)!) !== heading(e))
            .map((e) => ({ id: e.id, from: heading(old.get(e.id)!), to: heading(e) })),
        },
      });
      return present(k, { version: saved, entries: next, createdAt: new Date(), createdByName: null });
    });
  }
}

function present(
  kind: StructuredReportKind,
  s: { version: number; entries: StructureEntry[]; createdAt: Date | null; createdByName: string | null },
): ReportStructureType {
  return {
    kind,
    version: s.version,
    entries: s.entries.map((e) => {
      const c = catalogueSection(e.id);
      const defaultHeading = defaultSectionHeading(e.id, kind);
      return {
        id: e.id,
        heading: e.heading ?? defaultHeading,
        customHeading: e.heading ?? null,
        defaultHeading,
        kind: c?.kind ?? 'TEXT',
        level: c?.level ?? 1,
      };
    }),
    catalogue: catalogueFor(kind).map((c) => ({
      id: c.id,
      defaultHeading: defaultSectionHeading(c.id, kind),
      kind: c.kind,
      kindLabel: REPORT_SECTION_KIND_LABEL[c.kind],
      level: c.level,
      numbered: !!c.numbered && kind === 'ARSREDOVISNING',
    })),
    savedAt: s.createdAt ? new Date(s.createdAt).toISOString() : null,
    savedBy: s.createdByName,
  };
}
