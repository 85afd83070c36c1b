import { randomBytes, createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CODE_GROUPS, Role, SURVEY_GROUPS, SurveyGroup } from '@app/domain';
import { appendAudit, UnitOfWork } from '@app/infra';
import { AppError } from '../common/errors/app-error';
import { SurveyError } from './survey.errors';
import { surveyStore } from './survey.store';
import { collectionStore, CollectionRow } from './survey-collection.store';

/** Who answers a signed-in group. */
export const SIGNED_IN_ROLES: Partial<Record<SurveyGroup, readonly Role[]>> = {
  STYRELSE: [Role.STYRELSELEDAMOT, Role.STYRELSEERSATTARE],
  BEREDNINGSGRUPP: [Role.BEREDNINGSGRUPP],
};

const MAX_CODES = 500;
/** Codes people type on a phone: no 0/O or 1/I/L to mix up. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function hashCode(code: string): string {
  return createHash('sha256').update(code.trim().toUpperCase().replace(/[\s-]/g, '')).digest('hex');
}

function newCode(): string {
  const bytes = randomBytes(8);
  let s = '';
  for (const b of bytes) s += CODE_ALPHABET[b % CODE_ALPHABET.length];
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}

export interface OpenedCollection {
  collection: CollectionRow;
  /** The one-time codes, shown once to print and hand out; only their hashes are kept. */
  codes: string[];
}

/** The kansli's side of rounds answered in the platform: open, follow, close. */
@Injectable()
export class SurveyCollectionService {
  constructor(private readonly uow: UnitOfWork) {}

  async open(
    input: {
      organisationId: string;
      year: number;
      survey: string;
      insatsId: string | null;
      codes: number | null;
    },
    actorId: string,
  ): Promise<OpenedCollection> {
    const issues = [];
    if (!(SURVEY_GROUPS as readonly string[]).includes(input.survey))
      issues.push({ path: '$.survey', message: `ska vara en av ${SURVEY_GROUPS.join(', ')}` });
    const survey = input.survey as SurveyGroup;
    const withCodes = CODE_GROUPS.includes(survey);
    if (
      withCodes &&
      (!Number.isInteger(input.codes) || (input.codes ?? 0) < 1 || (input.codes ?? 0) > MAX_CODES)
    )
      issues.push({ path: '$.codes', message: `ange hur många koder som ska delas ut (1–${MAX_CODES})` });
    if (issues.length)
      throw new AppError(SurveyError.COUNTS_INVALID, 'Enkätomgången kunde inte öppnas.', { details: issues });
    return this.uow.write(async (tx) => {
      const catalogue = await surveyStore.latestCatalogue(tx);
      if (!catalogue)
        throw new AppError(
          SurveyError.NO_CATALOGUE,
          'Ingen NNS-katalog är inläst ännu; plattformens administratör läser in den.',
        );
      if (
        input.insatsId &&
        !(await collectionStore.insatsBelongsTo(tx, input.insatsId, input.organisationId))
      )
        throw new AppError(SurveyError.NOT_FOUND, 'Insatsen hittades inte i förbundet.');
      const codes = withCodes ? Array.from({ length: input.codes as number }, newCode) : [];
      const asked = withCodes
        ? codes.length
        : await collectionStore.countMembers(tx, input.organisationId, SIGNED_IN_ROLES[survey] ?? []);
      const id = await collectionStore.insert(tx, {
        organisationId: input.organisationId,
        year: input.year,
        survey,
        insatsId: input.insatsId,
        catalogueVersion: catalogue.version,
        mode: withCodes ? 'CODES' : 'SIGNED_IN',
        linkId: randomBytes(12).toString('base64url'),
        asked,
        actorId,
      });
      if (codes.length) await collectionStore.insertCodes(tx, id, codes.map(hashCode));
      await appendAudit(tx, {
        organisationId: input.organisationId,
        actorId,
        action: 'survey.collection_opened',
        entityType: 'survey_collection',
        entityId: id,
        toState: 'OPEN',
        payload: { year: input.year, survey, insatsId: input.insatsId, asked },
      });
      return { collection: (await collectionStore.byId(tx, id)) as CollectionRow, codes };
    });
  }

  list(organisationId: string, year: number): Promise<CollectionRow[]> {
    return this.uow.read((tx) => collectionStore.list(tx, organisationId, year));
  }

  async close(id: string, version: number, actorId: string): Promise<CollectionRow> {
    return this.uow.write(async (tx) => {
      const c = await collectionStore.byId(tx, id);
      if (!c) throw new AppError(SurveyError.NOT_FOUND, 'Enkätomgången hittades inte.');
      if (!(await collectionStore.close(tx, id, version)))
        throw new AppError(
          c.status === 'CLOSED' ? SurveyError.INVALID_TRANSITION : SurveyError.VERSION_CONFLICT,
          c.status === 'CLOSED'
            ? 'Enkätomgången är redan stängd.'
            : 'Enkätomgången har ändrats; ladda om sidan.',
          { currentVersion: c.version },
        );
      await appendAudit(tx, {
        organisationId: c.organisationId,
        actorId,
        action: 'survey.collection_closed',
        entityType: 'survey_collection',
        entityId: id,
        fromState: 'OPEN',
        toState: 'CLOSED',
        payload: { answered: c.answered, asked: c.asked },
      });
      return (await collectionStore.byId(tx, id)) as CollectionRow;
    });
  }
}
