import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import {
  costCentreSchema,
  costSplitIssues,
  financialGoalSchema,
  kommunKeyIssues,
  kommunKeySchema,
  METRIC_IDS,
  partySchema,
  ValidationIssue,
} from '@app/domain';
import { appendAudit, UnitOfWork, WriteTx } from '@app/infra';
import * as store from './finance-setup.store';
import { checkVersion, namedIssue, parseOrRefuse, versionConflict } from './setup-guard';
import { AppError } from '../common/errors/app-error';
import { FinanceSetupError } from './finance-setup.errors';
import {
  FinanceSetupType,
  FinancialGoalSetupType,
  KommunKeyType,
  PartySetupType,
} from './finance-setup.types';

const version = z.number().int({ message: 'ska vara ett heltal' }).min(1, { message: 'ska vara minst 1' });
/** The bundle's entry, plus the version an edit started from; unknown fields are refused (a typo is not lost). */
const costCentreEdit = costCentreSchema.extend({ version: version.optional() }).strict();
const partyEdit = partySchema.extend({ version: version.optional() }).strict();
const goalEdit = financialGoalSchema.extend({ version: version.optional() }).strict();
const keyEdit = z
  .object({ shares: kommunKeySchema, version: z.number().int({ message: 'ska vara ett heltal' }).min(0) })
  .strict();

/** The key in the order of the förbund's parties (jsonb keeps no order). */
const keyView = (r: store.KommunKeyRow | null, parties: store.PartyRow[]): KommunKeyType => ({
  shares: parties
    .filter((p) => r?.shares[p.key] !== undefined)
    .map((p) => ({ party: p.key, share: r!.shares[p.key] })),
  version: r?.version ?? 0,
});

/**
 * The förbund's financial set-up by its kansli (issue 18): each save validated with the bundle's rules, guarded by
 * the version the editor started from, and written in one transaction with its audit entry.
 */
@Injectable()
export class FinanceSetupService {
  constructor(private readonly uow: UnitOfWork) {}

  async setup(organisationId: string): Promise<FinanceSetupType> {
    const tx = this.uow.reader;
    const parties = await store.parties(tx, organisationId);
    return {
      costCentres: (await store.costCentres(tx, organisationId)).map((c) => ({ ...c, split: c.split ?? [] })),
      parties,
      kommunKey: keyView(await store.kommunKey(tx, organisationId), parties),
      financialGoals: await store.financialGoals(tx, organisationId),
      funding: await store.fundingRows(tx, organisationId),
      metrics: [...METRIC_IDS],
    };
  }

  /** A cost centre in the shape of the bundle's costCentres[] entry (CONTRACT.md §4a), with `version` to change one. */
  async saveCostCentre(organisationId: string, input: unknown, actorId: string): Promise<void> {
    const c = parseOrRefuse(costCentreEdit, input, 'Kostnadsstället', (ok) =>
      ok ? costSplitIssues(ok.split, ['split']).map(renamed) : [],
    );
    await this.uow.write(async (tx) => {
      const what = `Kostnadsstället ${c.code}`;
      const current = await store.costCentreForUpdate(tx, organisationId, c.code);
      checkVersion(current, c.version, what);
      const row = {
        code: c.code,
        name: c.name,
        category: c.category,
        split: c.split?.length ? c.split : null,
      };
      const saved = current
        ? await store.updateCostCentre(tx, organisationId, current.version, row)
        : await store.insertCostCentre(tx, organisationId, row);
      if (!saved) throw versionConflict(what);
      await appendAudit(tx, {
        organisationId,
        actorId,
        action: 'cost_centre.saved',
        entityType: 'cost_centre',
        entityId: c.code,
        payload: { ...row, version: saved.version, created: !current },
      });
    });
  }

  /** A party in the shape of the bundle's parties[] entry, with `version` to change one. */
  async saveParty(organisationId: string, input: unknown, actorId: string): Promise<PartySetupType> {
    const { version: expected, ...p } = parseOrRefuse(partyEdit, input, 'Parten');
    return this.uow.write(async (tx) => {
      const what = `Parten ${p.key}`;
      const current = await store.partyForUpdate(tx, organisationId, p.key);
      checkVersion(current, expected, what);
      const key = await store.kommunKey(tx, organisationId, true);
      if (p.kind !== 'KOMMUN' && key?.shares[p.key] !== undefined)
        throwInvalid('Parten', [
          namedIssue(['kind'], 'parten ingår i kommunernas fördelningsnyckel och måste vara en kommun'),
        ]);
      const saved = current
        ? await store.updateParty(tx, organisationId, current.version, p)
        : await store.insertParty(tx, organisationId, p);
      if (!saved) throw versionConflict(what);
      await appendAudit(tx, {
        organisationId,
        actorId,
        action: 'party.saved',
        entityType: 'party',
        entityId: p.key,
        payload: { ...p, version: saved.version, created: !current },
      });
      return saved;
    });
  }

  /** The kommuner's key as the bundle's kommunKey ({ party: share }), with the version it started from (0: none). */
  async saveKommunKey(organisationId: string, input: unknown, actorId: string): Promise<KommunKeyType> {
    const { shares, version: expected } = parseOrRefuse(keyEdit, input, 'Fördelningsnyckeln');
    const empty = Object.keys(shares).length === 0;
    return this.uow.write(async (tx) => {
      const parties = await store.parties(tx, organisationId);
      const issues = kommunKeyIssues(shares, new Map(parties.map((p) => [p.key, p.kind])), ['shares']);
      if (issues.length) throwInvalid('Fördelningsnyckeln', issues.map(renamed));
      const current = await store.kommunKey(tx, organisationId, true);
      if ((current?.version ?? 0) !== expected)
        throw versionConflict('Fördelningsnyckeln', current?.version ?? 0);
      if (empty && !current) return keyView(null, parties);
      const saved = await store.writeKommunKey(
        tx,
        organisationId,
        current?.version ?? null,
        empty ? null : shares,
      );
      if (!saved) throw versionConflict('Fördelningsnyckeln');
      await appendAudit(tx, {
        organisationId,
        actorId,
        action: 'kommun_key.saved',
        entityType: 'kommun_key',
        entityId: organisationId,
        payload: { shares: empty ? {} : shares, previous: current?.shares ?? null, version: saved.version },
      });
      return keyView(empty ? null : saved, parties);
    });
  }

  /** A goal in the shape of the bundle's financialGoals[] entry, with `version` to change one. */
  async saveFinancialGoal(
    organisationId: string,
    input: unknown,
    actorId: string,
  ): Promise<FinancialGoalSetupType> {
    const { version: expected, ...g } = parseOrRefuse(goalEdit, input, 'Det finansiella målet');
    return this.uow.write(async (tx) => {
      const what = `Målet ${g.key} för ${g.year}`;
      const current = await store.financialGoalForUpdate(tx, organisationId, g.year, g.key);
      checkVersion(current, expected, what);
      const saved = current
        ? await store.updateFinancialGoal(tx, organisationId, current.version, g)
        : await store.insertFinancialGoal(tx, organisationId, g);
      if (!saved) throw versionConflict(what);
      await appendAudit(tx, {
        organisationId,
        actorId,
        action: 'financial_goal.saved',
        entityType: 'financial_goal',
        entityId: `${g.year}/${g.key}`,
        payload: { ...g, version: saved.version, created: !current },
      });
      return saved;
    });
  }

  async removeFinancialGoal(
    organisationId: string,
    year: number,
    key: string,
    version: number,
    actorId: string,
  ): Promise<boolean> {
    return this.uow.write(async (tx: WriteTx) => {
      const what = `Målet ${key} för ${year}`;
      const current = await store.financialGoalForUpdate(tx, organisationId, year, key);
      checkVersion(current, version, what);
      if (!(await store.deleteFinancialGoal(tx, organisationId, year, key, version)))
        throw versionConflict(what);
      await appendAudit(tx, {
        organisationId,
        actorId,
        action: 'financial_goal.removed',
        entityType: 'financial_goal',
        entityId: `${year}/${key}`,
        payload: { year, key, version },
      });
      return true;
    });
  }
}

/** A rule's issue from the domain (which knows only paths), said with the field's Swedish name. */
function renamed(issue: ValidationIssue): ValidationIssue {
  const segs = issue.path
    .replace(/^\$\.?/, '')
    .split(/[.[\]"]+/)
    .filter(Boolean);
  const path = segs.map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  return { path: issue.path, message: namedIssue(path, issue.message).message };
}

function throwInvalid(what: string, details: ValidationIssue[]): never {
  throw new AppError(FinanceSetupError.INVALID, `${what} innehåller fel och har inte sparats.`, { details });
}
