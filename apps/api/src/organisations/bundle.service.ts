import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { canonicalJson, OrganisationBundle, sha256Hex, validateBundle } from '@app/domain';
import { AppConfig, appendAudit, enqueueJob, JobName, readBudgets, readForecasts } from '@app/infra';
import { APP_CONFIG, DATA_SOURCE } from '../common/infra/tokens';
import { AppError } from '../common/errors/app-error';
import { OrganisationError } from '../common/errors/error-codes';
import { hashPassword } from '../auth/password';
import { sha256 } from '../auth/auth.service';
import { syncRows } from './sync-rows';

export interface ImportResult {
  organisationId: string;
  changes: number;
  created: boolean;
  invitations: number;
}

const INVITATION_DAYS = 14;

/** Sets a förbund up from its bundle (CONTRACT.md §4), and gives the bundle back. */
export interface PersonEdit {
  email: string;
  name: string;
  roles: Array<{ role: string; insats?: string | null; party?: string | null; title?: string | null }>;
}

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

  private async apply(
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
        await this.invite(em, organisationId, id, email, p.name, b.organisation.name);
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

  /** A one-time link, stored only as its hash; the e-mail goes through the outbox with this transaction. */
  private async invite(
    em: EntityManager,
    organisationId: string,
    personId: string,
    email: string,
    name: string,
    orgName: string,
  ): Promise<void> {
    const token = randomBytes(32).toString('base64url');
    const expires = new Date(Date.now() + INVITATION_DAYS * 24 * 3600 * 1000);
    await em.query('UPDATE person SET invitation_token_hash = $2, invitation_expires_at = $3 WHERE id = $1', [
      personId,
      sha256(token),
      expires,
    ]);
    const base = this.config.PUBLIC_URL ?? `http://localhost:${this.config.PORT}`;
    await enqueueJob(
      em,
      JobName.SEND_EMAIL,
      {
        eventId: `invitation-${personId}-${expires.getTime()}`,
        to: email,
        subject: `Inbjudan till ${orgName}`,
        text: `Hej ${name}!\n\nDu har bjudits in till ${orgName} på samordningsplattformen.\nVälj ditt lösenord här (länken gäller i ${INVITATION_DAYS} dagar):\n\n${base}/inbjudan?token=${token}\n`,
      },
      { organisationId },
    );
    await appendAudit(em, {
      organisationId,
      actorId: null,
      action: 'person.invited',
      entityType: 'person',
      entityId: personId,
      payload: { email, expires: expires.toISOString() },
    });
  }

  /**
   * The kansli adds a person to the förbund or changes their roles (no roles: takes them out of it). Goes through
   * the bundle import, so the same validation, audit entries and invitation mail apply; a lock per förbund keeps
   * two such edits from overwriting each other.
   */
  async savePerson(organisationId: string, person: PersonEdit, actorId: string): Promise<void> {
    // One transaction on one pooled connection: the lock, the read of the bundle and the import all use it, so a
    // caller never holds a connection while waiting for another (20 concurrent edits used to exhaust the pool).
    await this.ds.transaction(async (em) => {
      const [o] = await em.query('SELECT slug FROM organisation WHERE id = $1', [organisationId]);
      if (!o) throw new AppError(OrganisationError.NOT_FOUND, 'Förbundet finns inte.');
      await em.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 11))', [`bundle:${o.slug}`]);
      const bundle = await this.export(o.slug, em);
      const email = person.email.trim().toLowerCase();
      let index = bundle.people.findIndex((p) => p.email.toLowerCase() === email);
      const entry = {
        name: person.name.trim(),
        email,
        roles: person.roles.map((r) => ({
          role: r.role,
          ...(r.insats ? { insats: r.insats } : {}),
          ...(r.party ? { party: r.party } : {}),
          ...(r.title ? { title: r.title } : {}),
        })),
      };
      const people = bundle.people.filter((p) => p.email.toLowerCase() !== email);
      if (index < 0) index = people.length;
      if (entry.roles.length) people.splice(index, 0, entry as (typeof people)[number]);
      const v = validateBundle({ ...bundle, people });
      if (!v.ok) {
        // Point the messages at the person being saved, not at their place in the whole bundle.
        const prefix = `$.people[${index}]`;
        const details = v.issues
          .filter((d) => d.path.startsWith(prefix))
          .map((d) => ({ ...d, path: `$.person${d.path.slice(prefix.length)}` }));
        throw new AppError(
          OrganisationError.BUNDLE_INVALID,
          'Personen kunde inte sparas; se felen per fält.',
          {
            details: details.length ? details : v.issues,
          },
        );
      }
      await this.apply(em, v.bundle, new Map(), actorId);
    });
  }

  /** The förbund's set-up as a bundle; importing it again changes nothing. People come without passwords. */
  async export(slug: string, em: EntityManager = this.ds.manager): Promise<OrganisationBundle> {
    const q = (sql: string, p: unknown[]) => em.query(sql, p);
    const [o] = await q('SELECT * FROM organisation WHERE slug = $1', [slug]);
    if (!o) throw new AppError(OrganisationError.NOT_FOUND, `Förbundet "${slug}" finns inte.`);
    const id = o.id;
    const parties = await q(
      'SELECT key, name, kind FROM party WHERE organisation_id = $1 ORDER BY created_at, key',
      [id],
    );
    const funding = await q(
      'SELECT year, party_key, amount::text, account, note FROM funding WHERE organisation_id = $1 ORDER BY year, party_key',
      [id],
    );
    const centres = await q(
      'SELECT code, name, category FROM cost_centre WHERE organisation_id = $1 ORDER BY code',
      [id],
    );
    const budgets = await readBudgets(em, id);
    const forecasts = await readForecasts(em, id);
    const goals = await q(
      'SELECT year, key, text, metric, op, value::text FROM financial_goal WHERE organisation_id = $1 ORDER BY year, key',
      [id],
    );
    const history = await q(
      'SELECT year, figures FROM historical_key_figure WHERE organisation_id = $1 ORDER BY year',
      [id],
    );
    const insatser = await q(
      `SELECT id, key, name, type, owner_party_key, cost_centre_code, to_char(start_date,'YYYY-MM-DD') AS start, to_char(end_date,'YYYY-MM-DD') AS "end" FROM insats WHERE organisation_id = $1 ORDER BY created_at, key`,
      [id],
    );
    const insatsIds = insatser.map((x: { id: string }) => x.id);
    const ibudgets = await q(
      'SELECT insats_id, year, amount::text, decision FROM insats_budget WHERE insats_id = ANY($1) ORDER BY year',
      [insatsIds],
    );
    const matpunkter = await q(
      'SELECT insats_id, year, key, text, metric, op, target::text FROM matpunkt WHERE insats_id = ANY($1) ORDER BY year, position',
      [insatsIds],
    );
    const roles = await q(
      `SELECT p.name, p.email, p.personal_number, r.role, i.key AS insats, r.party_key, r.title FROM role_assignment r JOIN person p ON p.id = r.person_id
       LEFT JOIN insats i ON i.id = r.insats_id WHERE r.organisation_id = $1 ORDER BY p.created_at, p.email, r.created_at`,
      [id],
    );
    const people = new Map<string, OrganisationBundle['people'][number]>();
    for (const r of roles) {
      if (!people.has(r.email))
        people.set(r.email, {
          name: r.name,
          email: r.email,
          ...(r.personal_number ? { personalNumber: r.personal_number } : {}),
          roles: [],
        });
      people.get(r.email)!.roles.push({
        role: r.role,
        ...(r.insats ? { insats: r.insats } : {}),
        ...(r.party_key ? { party: r.party_key } : {}),
        ...(r.title ? { title: r.title } : {}),
      });
    }
    const opt = <T>(k: string, v: T | null | undefined) => (v === null || v === undefined ? {} : { [k]: v });
    return {
      bundleVersion: 1,
      organisation: {
        slug: o.slug,
        name: o.name,
        reportingUnit: o.reporting_unit,
        ...opt('vision', o.vision),
      },
      parties: parties.map((p: { key: string; name: string; kind: 'STAT' }) => ({
        key: p.key,
        name: p.name,
        kind: p.kind,
      })),
      funding: funding.map((f: Record<string, string>) => ({
        year: Number(f.year),
        party: f.party_key,
        amount: f.amount,
        account: f.account,
        ...opt('note', f.note),
      })),
      costCentres: centres,
      budgets: budgets.map((x) => ({
        year: x.year,
        decided: x.decided,
        ...(x.kind === 'SUPPLEMENTARY' ? { kind: 'SUPPLEMENTARY' as const } : {}),
        ...opt('fundedBy', x.fundedBy),
        lines: x.lines,
        ...opt('outlook', x.outlook),
        ...opt('financing', x.financing),
      })),
      forecasts: forecasts.map((f) => ({ year: f.year, asOf: f.asOf, lines: f.lines })),
      financialGoals: goals.map((g: Record<string, never>) => ({
        year: g.year,
        key: g.key,
        text: g.text,
        metric: g.metric,
        op: g.op,
        value: g.value,
      })),
      historicalKeyFigures: history.map((h: { year: number; figures: Record<string, string> }) => ({
        year: h.year,
        ...h.figures,
      })),
      insatser: insatser.map((x: Record<string, never>) => ({
        key: x.key,
        name: x.name,
        type: x.type,
        ownerParty: x.owner_party_key,
        costCentre: x.cost_centre_code,
        start: x.start,
        end: x.end,
        budgets: ibudgets
          .filter((bb: { insats_id: string }) => bb.insats_id === x.id)
          .map((bb: Record<string, never>) => ({
            year: bb.year,
            amount: bb.amount,
            ...opt('decision', bb.decision),
          })),
        matpunkter: matpunkter
          .filter((m: { insats_id: string }) => m.insats_id === x.id)
          .map((m: Record<string, never>) => ({
            key: m.key,
            year: m.year,
            text: m.text,
            ...opt('metric', m.metric),
            ...opt('op', m.op),
            ...opt('target', m.target),
          })),
      })),
      people: [...people.values()],
      ...opt('accountMapping', o.account_mapping),
      ...opt('workflow', o.workflow_config),
    } as OrganisationBundle;
  }
}
