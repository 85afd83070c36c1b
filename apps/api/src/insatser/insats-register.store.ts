import type { InsatsRegistration } from '@app/domain';
import { groupRows, returningRows, Tx } from '@app/infra';

/** All SQL of the insats register: the kansli's insatser with their budgets, mätpunkter and people. */

export type TeamRole = 'STYRGRUPP' | 'PROJEKTAGARE';

/** What an insats is checked against: the förbund's parties, cost centres, other insatser and people. */
export async function registerContext(
  tx: Tx,
  organisationId: string,
  exceptInsatsId: string | null,
): Promise<{ parties: Set<string>; costCentres: Set<string>; otherKeys: Set<string>; members: Set<string> }> {
  const [row] = await tx.query(
    `SELECT ARRAY(SELECT key FROM party WHERE organisation_id = $1) AS parties,
            ARRAY(SELECT code FROM cost_centre WHERE organisation_id = $1) AS centres,
            ARRAY(SELECT key FROM insats WHERE organisation_id = $1 AND id IS DISTINCT FROM $2::uuid) AS keys,
            ARRAY(SELECT person_id::text FROM membership WHERE organisation_id = $1) AS members`,
    [organisationId, exceptInsatsId],
  );
  return {
    parties: new Set(row.parties),
    costCentres: new Set(row.centres),
    otherKeys: new Set(row.keys),
    members: new Set(row.members),
  };
}

/** The insats as the kansli edits it (the shape of InsatsRegistration, people as id and name), or null. */
export interface InsatsSnapshot {
  id: string;
  organisationId: string;
  version: number;
  key: string;
  name: string;
  type: string;
  ownerParty: string;
  costCentre: string;
  start: string;
  end: string | null;
  decision: { date: string; body: string | null; text: string | null } | null;
  budgets: Array<{ year: number; amount: string; decision: string | null }>;
  matpunkter: Array<{
    key: string;
    year: number;
    text: string;
    metric: string | null;
    op: string | null;
    target: string | null;
  }>;
  styrgrupp: Array<{ id: string; name: string }>;
  projektagare: Array<{ id: string; name: string }>;
}

export async function snapshot(tx: Tx, insatsId: string, lock = false): Promise<InsatsSnapshot | null> {
  const [row] = await tx.query(
    `SELECT i.id, i.organisation_id AS "organisationId", i.version, i.key, i.name, i.type,
            i.owner_party_key AS "ownerParty", i.cost_centre_code AS "costCentre",
            to_char(i.start_date, 'YYYY-MM-DD') AS start, to_char(i.end_date, 'YYYY-MM-DD') AS "end",
            CASE WHEN i.decided_on IS NULL THEN NULL ELSE jsonb_build_object(
              'date', to_char(i.decided_on, 'YYYY-MM-DD'), 'body', i.decision_body, 'text', i.decision_text) END AS decision,
            COALESCE((SELECT jsonb_agg(jsonb_build_object('year', b.year, 'amount', trim_scale(b.amount)::text,
                        'decision', b.decision) ORDER BY b.year) FROM insats_budget b WHERE b.insats_id = i.id), '[]') AS budgets,
            COALESCE((SELECT jsonb_agg(jsonb_build_object('key', m.key, 'year', m.year, 'text', m.text, 'metric', m.metric,
                        'op', m.op, 'target', trim_scale(m.target)::text) ORDER BY m.year, m.position)
                        FROM matpunkt m WHERE m.insats_id = i.id), '[]') AS matpunkter,
            COALESCE((SELECT jsonb_agg(jsonb_build_object('id', p.id, 'name', p.name) ORDER BY p.name, p.id)
                        FROM role_assignment r JOIN person p ON p.id = r.person_id
                       WHERE r.insats_id = i.id AND r.role = 'STYRGRUPP'), '[]') AS styrgrupp,
            COALESCE((SELECT jsonb_agg(jsonb_build_object('id', p.id, 'name', p.name) ORDER BY p.name, p.id)
                        FROM role_assignment r JOIN person p ON p.id = r.person_id
                       WHERE r.insats_id = i.id AND r.role = 'PROJEKTAGARE'), '[]') AS projektagare
       FROM insats i WHERE i.id = $1${lock ? ' FOR UPDATE OF i' : ''}`,
    [insatsId],
  );
  return row ?? null;
}

export async function insatsIdByKey(tx: Tx, organisationId: string, key: string): Promise<string | null> {
  const [row] = await tx.query('SELECT id FROM insats WHERE organisation_id = $1 AND key = $2', [
    organisationId,
    key,
  ]);
  return row?.id ?? null;
}

/** The periods the insats has follow-ups for (any status, any revision). */
export async function followUpPeriods(tx: Tx, insatsId: string): Promise<string[]> {
  const rows: Array<{ period: string }> = await tx.query(
    'SELECT DISTINCT period FROM submission WHERE insats_id = $1 ORDER BY period',
    [insatsId],
  );
  return rows.map((r) => r.period);
}

/** What keeps an insats from being deleted: its follow-ups and the NNS survey collections made for it. */
export async function deletionBlockers(
  tx: Tx,
  insatsId: string,
): Promise<{ followUps: number; surveys: number }> {
  const [row] = await tx.query(
    `SELECT (SELECT count(*)::int FROM submission WHERE insats_id = $1) AS "followUps",
            (SELECT count(*)::int FROM survey_collection WHERE insats_id = $1) AS surveys`,
    [insatsId],
  );
  return row;
}

const VALUES = (x: InsatsRegistration) => [
  x.key,
  x.name,
  x.type,
  x.ownerParty,
  x.costCentre,
  x.start,
  x.end ?? null,
  x.decision?.date ?? null,
  x.decision?.body ?? null,
  x.decision?.text ?? null,
];

export async function insertInsats(tx: Tx, organisationId: string, x: InsatsRegistration): Promise<string> {
  const [row] = await tx.query(
    `INSERT INTO insats (organisation_id, key, name, type, owner_party_key, cost_centre_code, start_date, end_date,
                         decided_on, decision_body, decision_text)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [organisationId, ...VALUES(x)],
  );
  return row.id;
}

/** Writes the insats if nobody changed it since `version`; its new version, or null when the version is stale. */
export async function updateInsats(
  tx: Tx,
  insatsId: string,
  version: number,
  x: InsatsRegistration,
): Promise<number | null> {
  const [row] = await returningRows<{ version: number }>(
    tx,
    `UPDATE insats SET key = $3, name = $4, type = $5, owner_party_key = $6, cost_centre_code = $7, start_date = $8,
            end_date = $9, decided_on = $10, decision_body = $11, decision_text = $12, version = version + 1,
            updated_at = now()
      WHERE id = $1 AND version = $2 RETURNING version`,
    [insatsId, version, ...VALUES(x)],
  );
  return row?.version ?? null;
}

/** Deletes the insats (budgets, mätpunkter and its roles go with it) if it is still at `version`. */
export async function deleteInsats(tx: Tx, insatsId: string, version: number): Promise<boolean> {
  return (
    (
      await returningRows(tx, 'DELETE FROM insats WHERE id = $1 AND version = $2 RETURNING 1', [
        insatsId,
        version,
      ])
    ).length > 0
  );
}

export async function replaceBudgets(
  tx: Tx,
  insatsId: string,
  budgets: InsatsRegistration['budgets'],
): Promise<void> {
  await tx.query('DELETE FROM insats_budget WHERE insats_id = $1', [insatsId]);
  if (budgets.length)
    await tx.query(
      `INSERT INTO insats_budget (insats_id, year, amount, decision)
       SELECT $1, * FROM unnest($2::int[], $3::numeric[], $4::text[])`,
      [
        insatsId,
        budgets.map((b) => b.year),
        budgets.map((b) => b.amount),
        budgets.map((b) => b.decision ?? null),
      ],
    );
}

export async function replaceMatpunkter(
  tx: Tx,
  insatsId: string,
  matpunkter: InsatsRegistration['matpunkter'],
): Promise<void> {
  await tx.query('DELETE FROM matpunkt WHERE insats_id = $1', [insatsId]);
  if (matpunkter.length)
    await tx.query(
      `INSERT INTO matpunkt (insats_id, year, key, text, metric, op, target, position)
       SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::numeric[], $8::int[])`,
      [
        insatsId,
        matpunkter.map((m) => m.year),
        matpunkter.map((m) => m.key),
        matpunkter.map((m) => m.text),
        matpunkter.map((m) => m.metric ?? null),
        matpunkter.map((m) => m.op ?? null),
        matpunkter.map((m) => m.target ?? null),
        matpunkter.map((_, i) => i),
      ],
    );
}

/** Makes exactly these people hold the role in the insats (they are members of the förbund already). */
export async function replaceTeam(
  tx: Tx,
  organisationId: string,
  insatsId: string,
  role: TeamRole,
  personIds: readonly string[],
): Promise<void> {
  await tx.query(
    `DELETE FROM role_assignment WHERE organisation_id = $1 AND insats_id = $2 AND role = $3
        AND NOT (person_id = ANY($4::uuid[]))`,
    [organisationId, insatsId, role, personIds],
  );
  await tx.query(
    `INSERT INTO role_assignment (person_id, organisation_id, role, insats_id)
     SELECT p, $1, $3, $2 FROM unnest($4::uuid[]) AS p
      WHERE NOT EXISTS (SELECT 1 FROM role_assignment r
                         WHERE r.person_id = p AND r.organisation_id = $1 AND r.insats_id = $2 AND r.role = $3)`,
    [organisationId, insatsId, role, personIds],
  );
}

/** The styrgrupp and projektägare of several insatser, keyed by insats id; by role, then name. */
export async function teamsOf(
  tx: Tx,
  insatsIds: readonly string[],
): Promise<Map<string, Array<{ personId: string; name: string; email: string; role: string }>>> {
  return groupRows(
    await tx.query(
      `SELECT r.insats_id AS "of", p.id AS "personId", p.name, p.email, r.role
         FROM role_assignment r JOIN person p ON p.id = r.person_id
        WHERE r.insats_id = ANY($1) AND r.role IN ('STYRGRUPP', 'PROJEKTAGARE')
        ORDER BY r.insats_id, r.role DESC, p.name`,
      [insatsIds],
    ),
  );
}
