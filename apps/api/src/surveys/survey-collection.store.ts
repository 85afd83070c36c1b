import { SurveyAnswer, SurveyGroup } from '@app/domain';
import { returningRows, Tx } from '@app/infra';

export interface CollectionRow {
  id: string;
  organisationId: string;
  organisationName: string;
  year: number;
  survey: SurveyGroup;
  insatsId: string | null;
  insatsName: string | null;
  catalogueVersion: number;
  mode: 'CODES' | 'SIGNED_IN';
  linkId: string;
  status: 'OPEN' | 'CLOSED';
  asked: number;
  answered: number;
  version: number;
  openedAt: Date;
}

const COLUMNS = `c.id, c.organisation_id AS "organisationId", o.name AS "organisationName", c.year, c.survey,
  c.insats_id AS "insatsId", i.name AS "insatsName", c.catalogue_version AS "catalogueVersion", c.mode,
  c.link_id AS "linkId", c.status, c.asked, c.answered, c.version, c.opened_at AS "openedAt"`;
const FROM = `survey_collection c JOIN organisation o ON o.id = c.organisation_id LEFT JOIN insats i ON i.id = c.insats_id`;

/** All SQL of rounds answered in the platform. Answers only ever become tallies. */
export const collectionStore = {
  async byId(tx: Tx, id: string): Promise<CollectionRow | null> {
    const [r] = await tx.query(`SELECT ${COLUMNS} FROM ${FROM} WHERE c.id = $1`, [id]);
    return r ?? null;
  },

  async byLink(tx: Tx, linkId: string): Promise<CollectionRow | null> {
    const [r] = await tx.query(`SELECT ${COLUMNS} FROM ${FROM} WHERE c.link_id = $1`, [linkId]);
    return r ?? null;
  },

  async list(tx: Tx, organisationId: string, year: number): Promise<CollectionRow[]> {
    return tx.query(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE c.organisation_id = $1 AND c.year = $2 ORDER BY c.opened_at`,
      [organisationId, year],
    );
  },

  /** Open rounds of the given groups in the förbund that the person has not answered. */
  async openFor(
    tx: Tx,
    personId: string,
    groups: Array<{ organisationId: string; survey: SurveyGroup }>,
  ): Promise<CollectionRow[]> {
    if (!groups.length) return [];
    return tx.query(
      `SELECT ${COLUMNS} FROM ${FROM}
        WHERE c.status = 'OPEN' AND c.mode = 'SIGNED_IN'
          AND (c.organisation_id, c.survey) IN (SELECT * FROM unnest($2::uuid[], $3::text[]))
          AND NOT EXISTS (SELECT 1 FROM survey_respondent r WHERE r.collection_id = c.id AND r.person_id = $1)
        ORDER BY c.opened_at`,
      [personId, groups.map((g) => g.organisationId), groups.map((g) => g.survey)],
    );
  },

  async insatsBelongsTo(tx: Tx, insatsId: string, organisationId: string): Promise<boolean> {
    const r = await tx.query('SELECT 1 FROM insats WHERE id = $1 AND organisation_id = $2', [
      insatsId,
      organisationId,
    ]);
    return r.length > 0;
  },

  async countMembers(tx: Tx, organisationId: string, roles: readonly string[]): Promise<number> {
    const [r] = await tx.query(
      'SELECT count(DISTINCT person_id)::int AS n FROM role_assignment WHERE organisation_id = $1 AND role = ANY($2)',
      [organisationId, roles],
    );
    return r.n;
  },

  async insert(
    tx: Tx,
    row: {
      organisationId: string;
      year: number;
      survey: SurveyGroup;
      insatsId: string | null;
      catalogueVersion: number;
      mode: 'CODES' | 'SIGNED_IN';
      linkId: string;
      asked: number;
      actorId: string;
    },
  ): Promise<string> {
    const [r] = await tx.query(
      `INSERT INTO survey_collection (organisation_id, year, survey, insats_id, catalogue_version, mode, link_id, status, asked, opened_by)
       VALUES ($1,$2,$3,$4,$5,$6,$7,'OPEN',$8,$9) RETURNING id`,
      [
        row.organisationId,
        row.year,
        row.survey,
        row.insatsId,
        row.catalogueVersion,
        row.mode,
        row.linkId,
        row.asked,
        row.actorId,
      ],
    );
    return r.id;
  },

  async insertCodes(tx: Tx, collectionId: string, hashes: string[]): Promise<void> {
    await tx.query('INSERT INTO survey_code (collection_id, code_hash) SELECT $1, unnest($2::text[])', [
      collectionId,
      hashes,
    ]);
  },

  /** Marks a code used; false when it is unknown or already used (the guard of "one answer per code"). */
  async useCode(tx: Tx, collectionId: string, codeHash: string): Promise<boolean> {
    const rows = await returningRows(
      tx,
      'UPDATE survey_code SET used = true WHERE collection_id = $1 AND code_hash = $2 AND NOT used RETURNING 1 AS ok',
      [collectionId, codeHash],
    );
    return rows.length === 1;
  },

  /** Records that the person answered (never what); false when they already had. */
  async addRespondent(tx: Tx, collectionId: string, personId: string): Promise<boolean> {
    const rows = await tx.query(
      'INSERT INTO survey_respondent (collection_id, person_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1 AS ok',
      [collectionId, personId],
    );
    return rows.length === 1;
  },

  async addTallies(tx: Tx, collectionId: string, answers: SurveyAnswer[]): Promise<void> {
    await tx.query(
      `INSERT INTO survey_tally (collection_id, question, option, count)
       SELECT $1, q, o, 1 FROM unnest($2::int[], $3::text[]) AS a(q, o)
       ON CONFLICT (collection_id, question, option) DO UPDATE SET count = survey_tally.count + 1`,
      [collectionId, answers.map((a) => a.question), answers.map((a) => a.option)],
    );
    await tx.query('UPDATE survey_collection SET answered = answered + 1 WHERE id = $1', [collectionId]);
  },

  async close(tx: Tx, id: string, version: number): Promise<boolean> {
    const rows = await returningRows(
      tx,
      `UPDATE survey_collection SET status = 'CLOSED', closed_at = now(), version = version + 1
        WHERE id = $1 AND version = $2 AND status = 'OPEN' RETURNING 1 AS ok`,
      [id, version],
    );
    return rows.length === 1;
  },
};
