import { Inject, Injectable, Logger } from '@nestjs/common';
import { canonicalJson, OrganisationBundle, sha256Hex, validateBundle } from '@app/domain';
import { AppConfig, appendAudit, Tx, UnitOfWork, WriteTx } from '@app/infra';
import { APP_CONFIG } from '../common/infra/tokens';
import { AppError } from '../common/errors/app-error';
import { OrganisationError } from '../common/errors/error-codes';
import { hashPassword } from '../auth/password';
import { syncRows } from './bundle-sync.store';
import { exportBundle } from './bundle-export';
import * as store from './bundle.store';
import { emailsWithPassword, lockBundle } from './people.store';
import { BundleEditor, syncPeople } from './people-sync';
import { syncMandates } from './mandates-sync';

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
    private readonly uow: UnitOfWork,
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
    const hasHash = await this.uow.read((tx) =>
      emailsWithPassword(
        tx,
        withPassword.map((p) => p.email.toLowerCase()),
      ),
    );
    const hashes = new Map<string, string>();
    for (const p of withPassword) {
      const email = p.email.toLowerCase();
      if (!hasHash.has(email)) hashes.set(email, await hashPassword(p.password as string));
    }
    // The platform administrator (or the operator's CLI) imports bundles.
    return this.uow.write((tx) => this.apply(tx, bundle, hashes, actorId, 'PLATFORM_ADMIN'));
  }

  /**
   * Applies a validated bundle within the caller's transaction (which also takes the per-slug lock). The editor
   * decides what may change about people who are also someone else's (see syncPeople).
   */
  async apply(
    tx: WriteTx,
    b: OrganisationBundle,
    hashes: Map<string, string>,
    actorId: string | null,
    editor: BundleEditor,
  ): Promise<ImportResult> {
    const o = b.organisation;
    // Serialise imports of the same slug.
    await lockBundle(tx, o.slug);
    const prior = await store.organisationIdBySlug(tx, o.slug);
    const holder = o.organisationNumber ? await store.slugHoldingNumber(tx, o.organisationNumber) : null;
    if (holder && holder !== o.slug)
      throw new AppError(
        OrganisationError.BUNDLE_INVALID,
        'Paketets organisationsnummer har ett annat förbund.',
        {
          details: [{ path: '$.organisation.organisationNumber', message: 'finns redan på plattformen' }],
        },
      );
    let changes = 0;
    const changedId = await store.upsertOrganisation(tx, {
      slug: o.slug,
      name: o.name,
      reportingUnit: o.reportingUnit,
      vision: o.vision ?? null,
      accountMapping: b.accountMapping,
      workflow: b.workflow,
      reportSettings: o.reportSettings ?? {},
      organisationNumber: o.organisationNumber ?? null,
    });
    if (changedId) changes++;
    const organisationId = (changedId ?? prior)!;
    const scope = { organisation_id: organisationId };

    changes += await syncRows(tx, {
      table: 'party',
      scope,
      keyCols: ['key'],
      valueCols: ['name', 'kind'],
      rows: b.parties.map((p) => ({ key: p.key, name: p.name, kind: p.kind })),
    });
    changes += await syncRows(tx, {
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
    changes += await syncRows(tx, {
      table: 'cost_centre',
      scope,
      keyCols: ['code'],
      valueCols: ['name', 'category', 'split'],
      jsonCols: ['split'],
      rows: b.costCentres.map((c) => ({
        code: c.code,
        name: c.name,
        category: c.category,
        split: c.split?.length ? c.split : null,
      })),
    });
    changes += await store.syncKommunKey(tx, organisationId, b.kommunKey ?? null);
    changes += await syncRows(tx, {
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
    const budgetIds = await store.budgetIds(tx, organisationId);
    for (const x of b.budgets) {
      const id = budgetIds.find(
        (r) => r.year === x.year && r.decided === x.decided && r.kind === (x.kind ?? 'ORDINARY'),
      )!.id;
      const lineChanges = await syncRows(tx, {
        table: 'budget_line',
        scope: { budget_id: id },
        keyCols: ['cost_centre_code'],
        valueCols: ['amount', 'income', 'income_source'],
        hasUpdatedAt: false,
        rows: Object.entries(x.lines).map(([code, amount]) => ({
          cost_centre_code: code,
          amount,
          income: x.lineIncome?.[code]?.amount ?? null,
          income_source: x.lineIncome?.[code]?.source ?? null,
        })),
      });
      // New lines are a new version of the decision: an editor who read the old one is refused (issue 18).
      if (lineChanges) await store.touchDecision(tx, 'budget', id);
      changes += lineChanges;
    }
    changes += await syncRows(tx, {
      table: 'forecast',
      scope,
      keyCols: ['year', 'as_of'],
      valueCols: [],
      rows: b.forecasts.map((f) => ({ year: f.year, as_of: f.asOf })),
    });
    const forecastIds = await store.forecastIds(tx, organisationId);
    for (const f of b.forecasts) {
      const id = forecastIds.find((r) => r.year === f.year && r.as_of === f.asOf)!.id;
      const lineChanges = await syncRows(tx, {
        table: 'forecast_line',
        scope: { forecast_id: id },
        keyCols: ['cost_centre_code'],
        valueCols: ['amount'],
        hasUpdatedAt: false,
        rows: Object.entries(f.lines).map(([code, amount]) => ({ cost_centre_code: code, amount })),
      });
      if (lineChanges) await store.touchDecision(tx, 'forecast', id);
      changes += lineChanges;
    }
    changes += await syncRows(tx, {
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
    changes += await syncRows(tx, {
      table: 'historical_key_figure',
      scope,
      keyCols: ['year'],
      valueCols: ['figures'],
      jsonCols: ['figures'],
      rows: b.historicalKeyFigures.map(({ year, ...figures }) => ({ year, figures })),
    });
    changes += await syncRows(tx, {
      table: 'insats',
      scope,
      keyCols: ['key'],
      valueCols: [
        'name',
        'type',
        'owner_party_key',
        'cost_centre_code',
        'start_date',
        'end_date',
        'decided_on',
        'decision_body',
        'decision_text',
      ],
      rows: b.insatser.map((x) => ({
        key: x.key,
        name: x.name,
        type: x.type,
        owner_party_key: x.ownerParty,
        cost_centre_code: x.costCentre,
        start_date: x.start,
        end_date: x.end ?? null,
        decided_on: x.decision?.date ?? null,
        decision_body: x.decision?.body || null,
        decision_text: x.decision?.text || null,
      })),
    });
    const insatsIds = await store.insatsIds(tx, organisationId);
    for (const x of b.insatser) {
      const insatsId = insatsIds.get(x.key)!;
      changes += await syncRows(tx, {
        table: 'insats_budget',
        scope: { insats_id: insatsId },
        keyCols: ['year'],
        valueCols: ['amount', 'decision'],
        hasUpdatedAt: false,
        rows: x.budgets.map((bb) => ({ year: bb.year, amount: bb.amount, decision: bb.decision ?? null })),
      });
      changes += await syncRows(tx, {
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
    const people = await syncPeople(tx, this.config, {
      organisationId,
      bundle: b,
      hashes,
      insatsIds,
      actorId,
      editor,
    });
    changes += people.changes;
    changes += await syncMandates(tx, organisationId, b);

    const created = !prior;
    if (changes > 0) {
      await appendAudit(tx, {
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

  /** The förbund's set-up as a bundle; importing it again changes nothing. People come without passwords. */
  export(slug: string, tx: Tx = this.uow.reader): Promise<OrganisationBundle> {
    return exportBundle(tx, slug);
  }
}
