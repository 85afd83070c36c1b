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
  CostCentreInput,
  CostCentreSetupType,
  FinanceSetupType,
  FinancialGoalInput,
  FinancialGoalSetupType,
  KommunKeyInput,
  KommunKeyType,
  PartyInput,
  PartySetupType,
} from './finance-setup.types';

const centreView = (r: store.CostCentreRow): CostCentreSetupType => ({ ...r, split: r.split ?? [] });
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
      costCentres: (await store.costCentres(tx, organisationId)).map(centreView),
      parties,
      kommunKey: keyView(await store.kommunKey(tx, organisationId), parties),
      financialGoals: await store.financialGoals(tx, organisationId),
      funding: await store.fundingRows(tx, organisationId),
      metrics: [...METRIC_IDS],
    };
  }

  async saveCostCentre(
    organisationId: string,
    input: CostCentreInput,
    actorId: string,
  ): Promise<CostCentreSetupType> {
    const split = input.split?.length
      ? input.split.map((p) => ({ purpose: p.purpose, share: p.share, ...(p.note ? { note: p.note } : {}) }))
      : undefined;
    const c = parseOrRefuse(
      costCentreSchema,
      { code: input.code, name: input.name, category: input.category, ...(split ? { split } : {}) },
      'Kostnadsstället',
      (ok) => (ok ? costSplitIssues(ok.split, ['split']).map((i) => renamed(i, 'split')) : []),
    );
    return this.uow.write(async (tx) => {
      const what = `Kostnadsstället ${c.code}`;
      const current = await store.costCentreForUpdate(tx, organisationId, c.code);
      checkVersion(current, input.version, what);
      const row = { code: c.code, name: c.name, category: c.category, split: c.split ?? null };
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
      return centreView(saved);
    });
  }

  async saveParty(organisationId: string, input: PartyInput, actorId: string): Promise<PartySetupType> {
    const p = parseOrRefuse(partySchema, { key: input.key, name: input.name, kind: input.kind }, 'Parten');
    return this.uow.write(async (tx) => {
      const what = `Parten ${p.key}`;
      const current = await store.partyForUpdate(tx, organisationId, p.key);
      checkVersion(current, input.version, what);
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

  async saveKommunKey(
    organisationId: string,
    input: KommunKeyInput,
    actorId: string,
  ): Promise<KommunKeyType> {
    const shares: Record<string, string> = {};
    const dupes: ValidationIssue[] = [];
    input.shares.forEach((s, i) => {
      if (s.party in shares) dupes.push(namedIssue(['shares', i, 'party'], `"${s.party}" förekommer redan`));
      shares[s.party] = s.share;
    });
    parseOrRefuse(z.object({ shares: kommunKeySchema }), { shares }, 'Fördelningsnyckeln', () => dupes);
    return this.uow.write(async (tx) => {
      const parties = await store.parties(tx, organisationId);
      const issues = kommunKeyIssues(shares, new Map(parties.map((p) => [p.key, p.kind])), ['shares']);
      if (issues.length)
        throwInvalid(
          'Fördelningsnyckeln',
          issues.map((i) => renamed(i, 'shares')),
        );
      const current = await store.kommunKey(tx, organisationId, true);
      if ((current?.version ?? 0) !== input.version)
        throw versionConflict('Fördelningsnyckeln', current?.version ?? 0);
      const empty = input.shares.length === 0;
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

  async saveFinancialGoal(
    organisationId: string,
    input: FinancialGoalInput,
    actorId: string,
  ): Promise<FinancialGoalSetupType> {
    const { version, ...fields } = input;
    const g = parseOrRefuse(financialGoalSchema, fields, 'Det finansiella målet');
    return this.uow.write(async (tx) => {
      const what = `Målet ${g.key} för ${g.year}`;
      const current = await store.financialGoalForUpdate(tx, organisationId, g.year, g.key);
      checkVersion(current, version, what);
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
function renamed(issue: ValidationIssue, field: string): ValidationIssue {
  const segs = issue.path
    .replace(/^\$\.?/, '')
    .split(/[.[\]"]+/)
    .filter(Boolean);
  const path = segs.map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  return { path: issue.path, message: namedIssue(path.length ? path : [field], issue.message).message };
}

function throwInvalid(what: string, details: ValidationIssue[]): never {
  throw new AppError(FinanceSetupError.INVALID, `${what} innehåller fel och har inte sparats.`, { details });
}
