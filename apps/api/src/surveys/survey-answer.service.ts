import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { REDIS } from '../common/infra/tokens';
import {
  ANSWER_OPTION_LABEL,
  NnsCatalogue,
  Principal,
  questionsFor,
  SURVEY_GROUP_LABEL,
  SurveyGroup,
  validateSurveyAnswers,
} from '@app/domain';
import { appendAudit, UnitOfWork, WriteTx } from '@app/infra';
import { AppError } from '../common/errors/app-error';
import { SurveyError } from './survey.errors';
import { surveyStore } from './survey.store';
import { CollectionRow, collectionStore } from './survey-collection.store';
import { hashCode, SIGNED_IN_ROLES } from './survey-collection.service';

export interface SurveyFormView {
  collectionId: string;
  linkId: string;
  organisationName: string;
  insatsName: string | null;
  year: number;
  survey: SurveyGroup;
  surveyLabel: string;
  open: boolean;
  withCode: boolean;
  questions: Array<{ number: number; text: string; options: Array<{ option: string; label: string }> }>;
}

function formView(c: CollectionRow, catalogue: NnsCatalogue): SurveyFormView {
  return {
    collectionId: c.id,
    linkId: c.linkId,
    organisationName: c.organisationName,
    insatsName: c.insatsName,
    year: c.year,
    survey: c.survey,
    surveyLabel: SURVEY_GROUP_LABEL[c.survey],
    open: c.status === 'OPEN',
    withCode: c.mode === 'CODES',
    questions: questionsFor(catalogue, c.survey).map((q) => ({
      number: q.number,
      text: q.text,
      options: catalogue.scales[q.scale].options.map((o) => ({ option: o, label: ANSWER_OPTION_LABEL[o] })),
    })),
  };
}

const CLOSED = 'Enkäten är stängd och tar inte emot fler svar.';

/**
 * Answering: participants on an anonymous link with a one-time code (no login, nothing about them stored),
 * the board and the beredningsgrupp signed in, once each. An answer only ever adds to the round's tallies.
 */
@Injectable()
export class SurveyAnswerService {
  /** Anonymous answers per address: enough for a group sharing one network, far too few to guess codes. */
  private readonly perIp: RateLimiterRedis;

  constructor(
    private readonly uow: UnitOfWork,
    @Inject(REDIS) redis: Redis,
  ) {
    const points = 120;
    const duration = 10 * 60;
    this.perIp = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: 'survey:ip',
      points,
      duration,
      insuranceLimiter: new RateLimiterMemory({ points, duration }),
    });
  }

  async formByLink(linkId: string): Promise<SurveyFormView> {
    return this.uow.read(async (tx) => {
      const c = await collectionStore.byLink(tx, linkId);
      const catalogue = c && (await surveyStore.catalogue(tx, c.catalogueVersion));
      if (!c || !catalogue || c.mode !== 'CODES')
        throw new AppError(SurveyError.NOT_FOUND, 'Enkäten hittades inte. Kontrollera länken du fått.');
      return formView(c, catalogue.data);
    });
  }

  async answerWithCode(linkId: string, code: string, answers: unknown, ip: string): Promise<void> {
    try {
      await this.perIp.consume(ip || 'unknown');
    } catch (e) {
      if (e instanceof RateLimiterRes)
        throw new AppError(
          SurveyError.RATE_LIMITED,
          'För många svar från samma nätverk just nu. Försök igen om en stund.',
        );
      throw e;
    }
    await this.uow.write(async (tx) => {
      const c = await collectionStore.byLink(tx, linkId);
      if (!c || c.mode !== 'CODES') throw new AppError(SurveyError.NOT_FOUND, 'Enkäten hittades inte.');
      if (c.status !== 'OPEN') throw new AppError(SurveyError.INVALID_TRANSITION, CLOSED);
      if (!(await collectionStore.useCode(tx, c.id, hashCode(code))))
        throw new AppError(
          SurveyError.CODE_INVALID,
          'Koden stämmer inte eller har redan använts. Varje kod kan användas en gång.',
        );
      await this.record(tx, c, answers);
    });
  }

  async formsFor(p: Principal): Promise<SurveyFormView[]> {
    const groups = p.grants.flatMap((g) =>
      (Object.entries(SIGNED_IN_ROLES) as Array<[SurveyGroup, readonly string[]]>)
        .filter(([, roles]) => roles.includes(g.role))
        .map(([survey]) => ({ organisationId: g.organisationId, survey })),
    );
    return this.uow.read(async (tx) => {
      const out: SurveyFormView[] = [];
      for (const c of await collectionStore.openFor(tx, p.personId, groups)) {
        const catalogue = await surveyStore.catalogue(tx, c.catalogueVersion);
        if (catalogue) out.push(formView(c, catalogue.data));
      }
      return out;
    });
  }

  async answerSignedIn(p: Principal, collectionId: string, answers: unknown): Promise<void> {
    await this.uow.write(async (tx) => {
      const c = await collectionStore.byId(tx, collectionId);
      const roles = c ? (SIGNED_IN_ROLES[c.survey] ?? []) : [];
      const eligible =
        c &&
        c.mode === 'SIGNED_IN' &&
        p.grants.some((g) => g.organisationId === c.organisationId && roles.includes(g.role));
      if (!c || !eligible) throw new AppError(SurveyError.NOT_FOUND, 'Enkäten hittades inte.');
      if (c.status !== 'OPEN') throw new AppError(SurveyError.INVALID_TRANSITION, CLOSED);
      if (!(await collectionStore.addRespondent(tx, c.id, p.personId)))
        throw new AppError(SurveyError.ALREADY_ANSWERED, 'Du har redan svarat på enkäten. Tack!');
      await this.record(tx, c, answers);
    });
  }

  private async record(tx: WriteTx, c: CollectionRow, input: unknown): Promise<void> {
    const catalogue = await surveyStore.catalogue(tx, c.catalogueVersion);
    if (!catalogue) throw new AppError(SurveyError.NOT_FOUND, 'Enkäten hittades inte.');
    const v = validateSurveyAnswers(input, catalogue.data, c.survey);
    if (!v.ok)
      throw new AppError(SurveyError.ANSWERS_INVALID, 'Svaren kunde inte tas emot.', { details: v.issues });
    await collectionStore.addTallies(tx, c.id, v.answers);
    // No actor and nothing of the answer: the entry says that a round got one more answer, no more.
    await appendAudit(tx, {
      organisationId: c.organisationId,
      actorId: null,
      action: 'survey.answer_received',
      entityType: 'survey_collection',
      entityId: c.id,
      payload: {},
    });
  }
}
