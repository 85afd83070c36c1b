import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../common/infra/tokens';
import { issueInvitation } from '../auth/invitation';
import {
  canonicalJson,
  computeNns,
  DEFAULT_MIN_GROUP_SIZE,
  NnsModel,
  sha256Hex,
  validateNnsCatalogue,
  validateSurveyCounts,
} from '@app/domain';
import {
  AppConfig,
  appendAudit,
  readNationalYear,
  readSurveyYear,
  SurveyYear,
  Tx,
  UnitOfWork,
} from '@app/infra';
import { AppError } from '../common/errors/app-error';
import { CatalogueRow, ConsentRow, surveyStore } from './survey.store';
import { SurveyError } from './survey.errors';

export interface SurveyRoundView {
  organisationId: string;
  year: number;
  /** The figures as read: imported counts and platform answers. */
  figures: SurveyYear;
  nns: NnsModel;
}

const MAX_YEAR_AHEAD = 1;

export interface NationalRollup {
  year: number;
  organisations: number;
  nns: NnsModel | null;
}

/**
 * The NNS indikatorenkät: the platform admin loads the national catalogue; a förbund imports its answer
 * counts per year (refused whole, with the path of every error) and reads the shares computed from them.
 */
@Injectable()
export class SurveyService {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async loadCatalogue(input: unknown, actorId: string | null): Promise<CatalogueRow> {
    const v = validateNnsCatalogue(input);
    if (!v.ok)
      throw new AppError(SurveyError.CATALOGUE_INVALID, 'Katalogen innehåller fel och har inte lästs in.', {
        details: v.issues,
      });
    const sha256 = sha256Hex(canonicalJson(v.catalogue));
    return this.uow.write(async (tx) => {
      await surveyStore.lockCatalogue(tx);
      const latest = await surveyStore.latestCatalogue(tx);
      if (latest && latest.sha256 === sha256) return latest;
      const row = await surveyStore.insertCatalogue(tx, {
        catalogueKey: v.catalogue.catalogueKey,
        data: v.catalogue,
        sha256,
        loadedBy: actorId,
      });
      await appendAudit(tx, {
        organisationId: null,
        actorId,
        action: 'nns.catalogue_loaded',
        entityType: 'nns_catalogue',
        entityId: String(row.version),
        payload: {
          version: row.version,
          catalogueKey: row.catalogueKey,
          questions: v.catalogue.questions.length,
        },
        documentHash: sha256,
      });
      return row;
    });
  }

  latestCatalogue(): Promise<CatalogueRow | null> {
    return this.uow.read((tx) => surveyStore.latestCatalogue(tx));
  }

  async importCounts(
    organisationId: string,
    year: number,
    input: unknown,
    actorId: string | null,
  ): Promise<SurveyRoundView> {
    const thisYear = new Date().getFullYear();
    if (!Number.isInteger(year) || year < 2000 || year > thisYear + MAX_YEAR_AHEAD)
      throw new AppError(SurveyError.BAD_YEAR, `Året ${year} går inte att ta emot svar för.`, {
        details: [
          { path: '$.year', message: `ska vara ett år mellan 2000 och ${thisYear + MAX_YEAR_AHEAD}` },
        ],
      });
    return this.uow.write(async (tx) => {
      const catalogue = await surveyStore.latestCatalogue(tx);
      if (!catalogue)
        throw new AppError(
          SurveyError.NO_CATALOGUE,
          'Ingen NNS-katalog är inläst ännu; plattformens administratör läser in den.',
        );
      const v = validateSurveyCounts(input, catalogue.data);
      if (!v.ok)
        throw new AppError(
          SurveyError.COUNTS_INVALID,
          'Svarsräkningen innehåller fel och har inte sparats.',
          {
            details: v.issues,
          },
        );
      if (v.counts.year !== undefined && v.counts.year !== year)
        throw new AppError(SurveyError.COUNTS_INVALID, 'Svarsräkningen gäller ett annat år.', {
          details: [{ path: '$.year', message: `filen gäller ${v.counts.year}, inte ${year}` }],
        });
      const before = await surveyStore.round(tx, organisationId, year);
      const round = await surveyStore.upsertCounts(tx, {
        organisationId,
        year,
        catalogueVersion: catalogue.version,
        counts: v.counts,
        actorId,
      });
      await appendAudit(tx, {
        organisationId,
        actorId,
        action: 'survey.counts_imported',
        entityType: 'survey_round',
        entityId: round.id,
        payload: {
          year,
          version: round.version,
          replaced: before !== null,
          catalogueVersion: catalogue.version,
          questions: v.counts.responses.length,
        },
        documentHash: sha256Hex(canonicalJson(v.counts)),
      });
      return (await this.view(tx, organisationId, year)) as SurveyRoundView;
    });
  }

  /** The year's figures: imported counts and answers given in the platform, added up; null when there are none. */
  async round(organisationId: string, year: number): Promise<SurveyRoundView | null> {
    return this.uow.read((tx) => this.view(tx, organisationId, year));
  }

  private async view(tx: Tx, organisationId: string, year: number): Promise<SurveyRoundView | null> {
    const y = await readSurveyYear(tx, organisationId, year);
    if ((!y.imported && y.platformAnswers === 0) || !y.catalogue) return null;
    return {
      organisationId,
      year,
      figures: y,
      nns: computeNns(year, y.counts, y.catalogue.data, y.minGroupSize),
    };
  }

  async consent(organisationId: string): Promise<ConsentRow | null> {
    return this.uow.read((tx) => surveyStore.consent(tx, organisationId));
  }

  /** Records the board's decision to contribute (or no longer contribute) to the national roll-up. */
  async setConsent(row: ConsentRow, actorId: string): Promise<ConsentRow> {
    const issues = [];
    if (!/^\d{4}-\d{2}-\d{2}$/.test(row.decidedAt) || Number.isNaN(Date.parse(row.decidedAt)))
      issues.push({ path: '$.decidedAt', message: 'ska vara ett datum (ÅÅÅÅ-MM-DD)' });
    if (!row.decisionReference.trim())
      issues.push({
        path: '$.decisionReference',
        message: 'ange styrelsens beslut, t.ex. protokollets paragraf',
      });
    if (issues.length)
      throw new AppError(SurveyError.COUNTS_INVALID, 'Beslutet saknar uppgifter och har inte sparats.', {
        details: issues,
      });
    return this.uow.write(async (tx) => {
      await surveyStore.saveConsent(tx, { ...row, actorId });
      await appendAudit(tx, {
        organisationId: row.organisationId,
        actorId,
        action: 'survey.national_consent_saved',
        entityType: 'organisation',
        entityId: row.organisationId,
        payload: { optedIn: row.optedIn, decidedAt: row.decidedAt, decisionReference: row.decisionReference },
      });
      return row;
    });
  }

  /**
   * The national picture: the counts of every förbund that opted in, added up (never their shares), small
   * groups suppressed. A förbund whose counts follow another catalogue version than the newest is left out.
   */
  async nationalRollup(year: number): Promise<NationalRollup> {
    return this.uow.read(async (tx) => {
      const n = await readNationalYear(tx, year);
      return {
        year,
        organisations: n.organisations,
        nns: n.catalogue ? computeNns(year, n.counts, n.catalogue.data, DEFAULT_MIN_GROUP_SIZE) : null,
      };
    });
  }

  /**
   * A förbund's NNS settings: which indicators the årsredovisning's annex shows (an empty list: every indicator
   * with counts) and the smallest group reported as a share (default 5).
   */
  async saveSettings(
    organisationId: string,
    input: { indicators: number[]; minGroupSize: number | null },
    actorId: string,
  ): Promise<{ indicators: number[]; minGroupSize: number }> {
    const indicators = [...new Set(input.indicators)].sort((a, b) => a - b);
    return this.uow.write(async (tx) => {
      const current = await surveyStore.settings(tx, organisationId);
      const minGroupSize = input.minGroupSize ?? current.minGroupSize;
      const catalogue = await surveyStore.latestCatalogue(tx);
      const known = new Set(catalogue?.data.indicators.map((i) => i.number) ?? []);
      const issues = indicators
        .filter((n) => !known.has(n))
        .map((n) => ({
          path: `$.indicators[${indicators.indexOf(n)}]`,
          message: `indikator ${n} finns inte i katalogen`,
        }));
      if (!Number.isInteger(minGroupSize) || minGroupSize < 1 || minGroupSize > 100)
        issues.push({ path: '$.minGroupSize', message: 'ska vara ett heltal mellan 1 och 100' });
      if (issues.length)
        throw new AppError(
          SurveyError.COUNTS_INVALID,
          'Inställningarna innehåller fel och har inte sparats.',
          {
            details: issues,
          },
        );
      await surveyStore.saveSettings(tx, organisationId, { indicators, minGroupSize }, actorId);
      await appendAudit(tx, {
        organisationId,
        actorId,
        action: 'survey.settings_saved',
        entityType: 'organisation',
        entityId: organisationId,
        payload: { indicators, minGroupSize },
      });
      return { indicators, minGroupSize };
    });
  }

  /** An account of the national network: sees the national roll-up and nothing of any förbund. */
  async createNetworkAccount(
    emailRaw: string,
    name: string,
    actorId: string | null,
  ): Promise<{ id: string; email: string }> {
    const email = emailRaw.trim().toLowerCase();
    const issues = [];
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
      issues.push({ path: '$.email', message: 'ska vara en e-postadress' });
    if (!name.trim()) issues.push({ path: '$.name', message: 'får inte vara tomt' });
    if (issues.length)
      throw new AppError(SurveyError.COUNTS_INVALID, 'Kontot kunde inte skapas.', { details: issues });
    return this.uow.write(async (tx) => {
      const row = await surveyStore.createNetworkAccount(tx, email, name.trim());
      if (!row)
        throw new AppError(
          SurveyError.COUNTS_INVALID,
          'Det finns redan en person med den e-postadressen; ett nätverkskonto får inte ha någon roll i ett förbund.',
          { details: [{ path: '$.email', message: 'används redan' }] },
        );
      await issueInvitation(tx, {
        personId: row.id,
        email,
        name: name.trim(),
        organisationId: null,
        invitedTo: 'det nationella nätverkets konto',
        baseUrl: this.config.PUBLIC_URL ?? `http://localhost:${this.config.PORT}`,
      });
      await appendAudit(tx, {
        organisationId: null,
        actorId,
        action: 'person.network_account_created',
        entityType: 'person',
        entityId: row.id,
        payload: { email },
      });
      return { id: row.id, email };
    });
  }
}
