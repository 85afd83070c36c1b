import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { canonicalJson, OrganisationBundle, sha256Hex, validateBundle } from '@app/domain';
import { AppConfig, appendAudit } from '@app/infra';
import { APP_CONFIG, DATA_SOURCE } from '../common/infra/tokens';
import { AppError } from '../common/errors/app-error';
import { OrganisationError } from '../common/errors/error-codes';
import { hashPassword } from '../auth/password';
import { sendInvitation } from './invitation';
import { syncRows } from './sync-rows';
import { exportBundle } from './bundle-export';

export interface ImportResult {
  organisationId: string;
  changes: number;
  created: boolean;
  invitations: number;
}

/** Sets a förbund up from its bundle (CONTRACT.md §4), and gives the bundle back. */

@Injectable()
export class BundleService {
  private readonly logger = new Logger(BundleService.name);

  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Validates the whole bundle first; then applies it in one transaction. Importing it again changes nothing. */
  async import(input: unknown, actorId: string | null): Promise<ImportResult> {
    const v = validateBundle(input);
    if (!v.ok) {
      this.logger.warn({ issues: v.issues.length }, 'organisation bundle refused');
      throw new AppError(
        OrganisationError.BUNDLE_INVALID,
        `Paketet innehåller ${v.issues.length} fel och har inte lästs in.`,
        { details: v.issues },
      );
    }
    const bundle = v.bundle;
    // Passwords are hashed outside the transaction (slow by design); only used for people without one.
    const withPassword = bundle.people.filter((p) => p.password);
    const existing: Array<{ email: string }> = await this.ds.query(
      'SELECT email FROM person WHERE email = ANY($1) AND password_hash IS NOT NULL',
      [withPassword.map((p) => p.email.toLowerCase())],
    );
    const hasHash = new Set(existing.map((e) => e.email));
    const hashes = new Map<string, string>();
    for (const p of withPassword) {
      const email = p.email.toLowerCase();
      if (!hasHash.has(email)) hashes.set(email, await hashPassword(p.password as string));
    }
    return this.ds.transaction((em) => this.apply(em, bundle, hashes, actorId));
  }

  /** Applies a validated bundle within the caller's transaction (which also takes the per-slug lock). */
  async apply(
    em: EntityManager,
    b: OrganisationBundle,
    hashes: Map<string, string>,
    actorId: string | null,
  ): Promise<ImportResult> {
    const o = b.organisation;
    // Serialise imports of the same slug.
    await em.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 11))', [`bundle:${o.slug}`]);
    const [prior] = await em.query('SELECT id FROM organisation WHERE slug = $1', [o.slug]);
    let changes = 0;
    const orgRes = await em.query(
      `INSERT INTO organisation AS t (slug, name, reporting_unit, vision, account_mapping, workflow_config) VALUES ($1,$2,$3,$4,$5,$6)
       ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name, reporting_unit = EXCLUDED.reporting_unit, vision = EXCLUDED.vision,
         account_mapping = EXCLUDED.account_mapping, workflow_config = EXCLUDED.workflow_config, updated_at = now(), version = t.version + 1
       WHERE (t.name, t.reporting_unit, t.vision, t.account_mapping, t.workflow_config) IS DISTINCT FROM
             (EXCLUDED.name, EXCLUDED.reporting_unit, EXCLUDED.vision, EXCLUDED.account_mapping, EXCLUDED.workflow_config)
       RETURNING id`,
      [
        o.slug,
        o.name,
        o.reportingUnit,
        o.vision ?? null,
        b.accountMapping ? JSON.stringify(b.accountMapping) : null,
        b.workflow ? JSON.stringify(b.workflow) : null,
      ],
    );
    changes += orgRes.length;
    const organisationId: string = orgRes[0]?.id ?? prior.id;
    const scope = { organisation_id: organisationId };

    changes += await syncRows(em, {
      table: 'party',
      scope,
      keyCols: ['key'],
      valueCols: ['name', 'kind'],
      rows: b.parties.map((p) => ({ key: p.key, name: p.name, kind: p.kind })),
    });
    changes += await syncRows(em, {
      table: 'funding',
      scope,
      keyCols: ['year', 'party_key'],
      valueCols: ['amount', 'account', 'note'],
      rows: b.funding.map((f) => ({
        year: f.year,
        party_key: f.party,
        amount: f.amount,
        account: f.account,
        note: f.note ?? null,
      })),
    });
    changes += await syncRows(em, {
      table: 'cost_centre',
      scope,
      keyCols: ['code'],
      valueCols: ['name', 'category'],
      rows: b.costCentres.map((c) => ({ code: c.code, name: c.name, category: c.category })),
    });
    changes += await syncRows(em, {
      table: 'budget',
      scope,
      keyCols: ['year', 'decided', 'kind'],
      valueCols: ['funded_by', 'outlook', 'financing'],
      jsonCols: ['outlook', 'financing'],
      rows: b.budgets.map((x) => ({
        year: x.year,
        decided: x.decided,
        kind: x.kind ?? 'ORDINARY',
        funded_by: x.fundedBy ?? null,
        outlook: x.outlook ?? null,
        financing: x.financing ?? null,
      })),
    });
    const budgetIds: Array<{ id: string; year: number; decided: string; kind: string }> = await em.query(
      `SELECT id, year, to_char(decided, 'YYYY-MM-DD') AS decided, kind FROM budget WHERE organisation_id = $1`,
      [organisationId],
    );
    for (const x of b.budgets) {
      const id = budgetIds.find(
        (r) => r.year === x.year && r.decided === x.decided && r.kind === (x.kind ?? 'ORDINARY'),
      )!.id;
      changes += await syncRows(em, {
        table: 'budget_line',
        scope: { budget_id: id },
        keyCols: ['cost_centre_code'],
        valueCols: ['amount'],
        hasUpdatedAt: false,
        rows: Object.entries(x.lines).map(([code, amount]) => ({ cost_centre_code: code, amount })),
      });
    }
    changes += await syncRows(em, {
      table: 'forecast',
      scope,
      keyCols: ['year', 'as_of'],
      valueCols: [],
      rows: b.forecasts.map((f) => ({ year: f.year, as_of: f.asOf })),
    });
    const forecastIds: Array<{ id: string; year: number; as_of: string }> = await em.query(
      `SELECT id, year, to_char(as_of, 'YYYY-MM-DD') AS as_of FROM forecast WHERE organisation_id = $1`,
      [organisationId],
    );
    for (const f of b.forecasts) {
      const id = forecastIds.find((r) => r.year === f.year && r.as_of === f.asOf)!.id;
      changes += await syncRows(em, {
        table: 'forecast_line',
        scope: { forecast_id: id },
        keyCols: ['cost_centre_code'],
        valueCols: ['amount'],
        hasUpdatedAt: false,
        rows: Object.entries(f.lines).map(([code, amount]) => ({ cost_centre_code: code, amount })),
      });
    }
    changes += await syncRows(em, {
      table: 'financial_goal',
      scope,
      keyCols: ['year', 'key'],
      valueCols: ['text', 'metric', 'op', 'value'],
      rows: b.financialGoals.map((g) => ({
        year: g.year,
        key: g.key,
        text: g.text,
        metric: g.metric,
        op: g.op,
        value: g.value,
      })),
    });
    changes += await syncRows(em, {
      table: 'historical_key_figure',
      scope,
      keyCols: ['year'],
      valueCols: ['figures'],
      jsonCols: ['figures'],
      rows: b.historicalKeyFigures.map(({ year, ...figures }) => ({ year, figures })),
    });
    changes += await syncRows(em, {
      table: 'insats',
      scope,
      keyCols: ['key'],
      valueCols: ['name', 'type', 'owner_party_key', 'cost_centre_code', 'start_date', 'end_date'],
      rows: b.insatser.map((x) => ({
        key: x.key,
        name: x.name,
        type: x.type,
        owner_party_key: x.ownerParty,
        cost_centre_code: x.costCentre,
        start_date: x.start,
        end_date: x.end,
      })),
    });
    const insatsIds = new Map<string, string>(
      (await em.query('SELECT id, key FROM insats WHERE organisation_id = $1', [organisationId])).map(
        (r: { id: string; key: string }) => [r.key, r.id],
      ),
    );
    for (const x of b.insatser) {
      const insatsId = insatsIds.get(x.key)!;
      changes += await syncRows(em, {
        table: 'insats_budget',
        scope: { insats_id: insatsId },
        keyCols: ['year'],
        valueCols: ['amount', 'decision'],
        hasUpdatedAt: false,
        rows: x.budgets.map((bb) => ({ year: bb.year, amount: bb.amount, decision: bb.decision ?? null })),
      });
      changes += await syncRows(em, {
        table: 'matpunkt',
        scope: { insats_id: insatsId },
        keyCols: ['year', 'key'],
        valueCols: ['text', 'metric', 'op', 'target', 'position'],
        rows: x.matpunkter.map((m, i) => ({
          year: m.year,
          key: m.key,
          text: m.text,
          metric: m.metric ?? null,
          op: m.op ?? null,
          target: m.target ?? null,
          position: i,
        })),
      });
    }
    const people = await this.syncPeople(em, organisationId, b, hashes, insatsIds);
    changes += people.changes;

    const created = !prior;
    if (changes > 0) {
      await appendAudit(em, {
        organisationId,
        actorId,
        action: created ? 'organisation.created_from_bundle' : 'organisation.bundle_imported',
        entityType: 'organisation',
        entityId: organisationId,
        payload: { slug: o.slug, changes, invitations: people.invitations },
        documentHash: sha256Hex(canonicalJson(b)),
      });
    }
    this.logger.log({ slug: o.slug, changes, created }, 'organisation bundle imported');
    return { organisationId, changes, created, invitations: people.invitations };
  }

  private async syncPeople(
    em: EntityManager,
    organisationId: string,
    b: OrganisationBundle,
    hashes: Map<string, string>,
    insatsIds: Map<string, string>,
  ): Promise<{ changes: number; invitations: number }> {
    let changes = 0;
    let invitations = 0;
    const personIds = new Map<string, string>();
    for (const p of b.people) {
      const email = p.email.toLowerCase();
      const [row] = await em.query(
        'SELECT id, name, personal_number, password_hash IS NOT NULL AS has_password, invitation_expires_at FROM person WHERE email = $1',
        [email],
      );
      let id: string = row?.id;
      if (!row) {
        const [ins] = await em.query(
          'INSERT INTO person (email, name, password_hash, personal_number) VALUES ($1,$2,$3,$4) RETURNING id',
          [email, p.name, hashes.get(email) ?? null, p.personalNumber ?? null],
        );
        id = ins.id;
        changes++;
      } else {
        if (p.personalNumber && row.personal_number !== p.personalNumber) {
          await em.query('UPDATE person SET personal_number = $2, updated_at = now() WHERE id = $1', [
            id,
            p.personalNumber,
          ]);
          changes++;
        }
        if (row.name !== p.name) {
          await em.query('UPDATE person SET name = $2, updated_at = now() WHERE id = $1', [id, p.name]);
          changes++;
        }
        if (!row.has_password && hashes.has(email)) {
          await em.query('UPDATE person SET password_hash = $2, updated_at = now() WHERE id = $1', [
            id,
            hashes.get(email),
          ]);
          changes++;
        }
      }
      personIds.set(email, id);
      const needsInvite =
        !hashes.has(email) &&
        !row?.has_password &&
        !(row?.invitation_expires_at && new Date(row.invitation_expires_at) > new Date());
      if (needsInvite) {
        await sendInvitation(em, this.config, {
          organisationId,
          personId: id,
          email,
          name: p.name,
          orgName: b.organisation.name,
        });
        invitations++;
        changes++;
      }
    }
    // Role assignments in this förbund: exactly those of the bundle.
    const desired = b.people.flatMap((p) =>
      p.roles.map((r) => ({
        person_id: personIds.get(p.email.toLowerCase())!,
        role: r.role,
        insats_id: r.insats ? insatsIds.get(r.insats)! : null,
        party_key: r.party ?? null,
        title: r.title ?? null,
      })),
    );
    const current: Array<{
      id: string;
      person_id: string;
      role: string;
      insats_id: string | null;
      party_key: string | null;
      title: string | null;
    }> = await em.query(
      'SELECT id, person_id, role, insats_id, party_key, title FROM role_assignment WHERE organisation_id = $1',
      [organisationId],
    );
    const k = (r: { person_id: string; role: string; insats_id: string | null }) =>
      `${r.person_id}|${r.role}|${r.insats_id ?? ''}`;
    const currentByKey = new Map(current.map((r) => [k(r), r]));
    const desiredKeys = new Set(desired.map(k));
    for (const d of desired) {
      const c = currentByKey.get(k(d));
      if (!c) {
        await em.query(
          'INSERT INTO role_assignment (person_id, organisation_id, role, insats_id, party_key, title) VALUES ($1,$2,$3,$4,$5,$6)',
          [d.person_id, organisationId, d.role, d.insats_id, d.party_key, d.title],
        );
        changes++;
      } else if (c.party_key !== d.party_key || c.title !== d.title) {
        await em.query('UPDATE role_assignment SET party_key = $2, title = $3 WHERE id = $1', [
          c.id,
          d.party_key,
          d.title,
        ]);
        changes++;
      }
    }
    for (const c of current) {
      if (!desiredKeys.has(k(c))) {
        await em.query('DELETE FROM role_assignment WHERE id = $1', [c.id]);
        changes++;
      }
    }
    return { changes, invitations };
  }

  /** The förbund's set-up as a bundle; importing it again changes nothing. People come without passwords. */
  export(slug: string, em: EntityManager = this.ds.manager): Promise<OrganisationBundle> {
    return exportBundle(em, slug);
  }
}
