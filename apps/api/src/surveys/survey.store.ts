import { NnsCatalogue, SurveyCounts } from '@app/domain';
import { returningRows, Tx } from '@app/infra';

export interface CatalogueRow {
  version: number;
  catalogueKey: string;
  data: NnsCatalogue;
  sha256: string;
  loadedAt: Date;
}

export interface SurveyRoundRow {
  id: string;
  organisationId: string;
  year: number;
  source: 'IMPORT';
  catalogueVersion: number;
  counts: SurveyCounts;
  version: number;
  updatedAt: Date;
}

const ROUND_COLUMNS = `id, organisation_id AS "organisationId", year, source, catalogue_version AS "catalogueVersion",
  counts, version, updated_at AS "updatedAt"`;
const CATALOGUE_COLUMNS = `version, catalogue_key AS "catalogueKey", data, sha256, loaded_at AS "loadedAt"`;

/** All SQL of the NNS surveys: the national catalogue and each förbund's counts per year. */
export interface ConsentRow {
  organisationId: string;
  optedIn: boolean;
  decidedAt: string;
  decisionReference: string;
}

export const surveyStore = {
  async consent(tx: Tx, organisationId: string): Promise<ConsentRow | null> {
    const [r] = await tx.query(
      `SELECT organisation_id AS "organisationId", opted_in AS "optedIn", to_char(decided_at, 'YYYY-MM-DD') AS "decidedAt",
              decision_reference AS "decisionReference" FROM nns_national_consent WHERE organisation_id = $1`,
      [organisationId],
    );
    return r ?? null;
  },

  async saveConsent(tx: Tx, row: ConsentRow & { actorId: string }): Promise<void> {
    await tx.query(
      `INSERT INTO nns_national_consent (organisation_id, opted_in, decided_at, decision_reference, updated_by)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (organisation_id) DO UPDATE SET opted_in = EXCLUDED.opted_in, decided_at = EXCLUDED.decided_at,
         decision_reference = EXCLUDED.decision_reference, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [row.organisationId, row.optedIn, row.decidedAt, row.decisionReference, row.actorId],
    );
  },

  async saveSettings(
    tx: Tx,
    organisationId: string,
    settings: { indicators: number[]; minGroupSize: number },
    actorId: string,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO nns_settings (organisation_id, indicators, min_group_size, updated_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (organisation_id) DO UPDATE SET indicators = EXCLUDED.indicators, min_group_size = EXCLUDED.min_group_size,
         updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [organisationId, settings.indicators, settings.minGroupSize, actorId],
    );
  },

  async settings(tx: Tx, organisationId: string): Promise<{ indicators: number[]; minGroupSize: number }> {
    const [r] = await tx.query(
      'SELECT indicators, min_group_size AS "minGroupSize" FROM nns_settings WHERE organisation_id = $1',
      [organisationId],
    );
    return r ?? { indicators: [], minGroupSize: 5 };
  },

  /** A national network account: a person with no role in any förbund. */
  async createNetworkAccount(tx: Tx, email: string, name: string): Promise<{ id: string } | null> {
    const [r] = await tx.query(
      `INSERT INTO person (email, name, is_national_network) VALUES ($1, $2, true)
       ON CONFLICT (email) DO NOTHING RETURNING id`,
      [email, name],
    );
    return r ?? null;
  },

  async latestCatalogue(tx: Tx): Promise<CatalogueRow | null> {
    const [r] = await tx.query(
      `SELECT ${CATALOGUE_COLUMNS} FROM nns_catalogue ORDER BY version DESC LIMIT 1`,
    );
    return r ?? null;
  },

  async catalogue(tx: Tx, version: number): Promise<CatalogueRow | null> {
    const [r] = await tx.query(`SELECT ${CATALOGUE_COLUMNS} FROM nns_catalogue WHERE version = $1`, [
      version,
    ]);
    return r ?? null;
  },

  /** Serialises catalogue loads so two admins never take the same version number. */
  async lockCatalogue(tx: Tx): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('nns_catalogue', 11))`);
  },

  async insertCatalogue(
    tx: Tx,
    row: { catalogueKey: string; data: NnsCatalogue; sha256: string; loadedBy: string | null },
  ): Promise<CatalogueRow> {
    const [r] = await tx.query(
      `INSERT INTO nns_catalogue (version, catalogue_key, data, sha256, loaded_by)
       SELECT coalesce(max(version), 0) + 1, $1, $2, $3, $4 FROM nns_catalogue
       RETURNING ${CATALOGUE_COLUMNS}`,
      [row.catalogueKey, JSON.stringify(row.data), row.sha256, row.loadedBy],
    );
    return r;
  },

  async round(tx: Tx, organisationId: string, year: number): Promise<SurveyRoundRow | null> {
    const [r] = await tx.query(
      `SELECT ${ROUND_COLUMNS} FROM survey_round WHERE organisation_id = $1 AND year = $2`,
      [organisationId, year],
    );
    return r ?? null;
  },

  async rounds(tx: Tx, organisationId: string): Promise<SurveyRoundRow[]> {
    return tx.query(
      `SELECT ${ROUND_COLUMNS} FROM survey_round WHERE organisation_id = $1 ORDER BY year DESC`,
      [organisationId],
    );
  },

  /** Inserts the year's counts, or replaces them (version + 1); returns the row as stored. */
  async upsertCounts(
    tx: Tx,
    row: {
      organisationId: string;
      year: number;
      catalogueVersion: number;
      counts: SurveyCounts;
      actorId: string | null;
    },
  ): Promise<SurveyRoundRow> {
    const [r] = await returningRows<SurveyRoundRow>(
      tx,
      `INSERT INTO survey_round (organisation_id, year, source, catalogue_version, counts, updated_by)
       VALUES ($1, $2, 'IMPORT', $3, $4, $5)
       ON CONFLICT (organisation_id, year) DO UPDATE
         SET counts = EXCLUDED.counts, catalogue_version = EXCLUDED.catalogue_version, source = EXCLUDED.source,
             updated_by = EXCLUDED.updated_by, updated_at = now(), version = survey_round.version + 1
       RETURNING ${ROUND_COLUMNS}`,
      [row.organisationId, row.year, row.catalogueVersion, JSON.stringify(row.counts), row.actorId],
    );
    return r;
  },
};
export type SurveyStore = typeof surveyStore;
