import { Injectable } from '@nestjs/common';
import {
  canonicalJson,
  InsatsRegistration,
  Money,
  periodLabel,
  sha256Hex,
  validateInsatsRegistration,
} from '@app/domain';
import { appendAudit, UnitOfWork, WriteTx } from '@app/infra';
import { AppError } from '../common/errors/app-error';
import { organisationById } from '../organisations/organisation.store';
import { lockBundle, removeMembershipsWithoutRoles } from '../organisations/people.store';
import { InsatsError } from './insats.errors';
import * as store from './insats-register.store';

/** The fields of an insats as the register compares them (people by id, amounts and targets without trailing zeros). */
type Comparable = Record<string, unknown>;

const FIELDS = [
  'name',
  'type',
  'ownerParty',
  'costCentre',
  'start',
  'end',
  'decision',
  'budgets',
  'matpunkter',
  'styrgrupp',
  'projektagare',
] as const;

const norm = (v: string | null | undefined) =>
  v === null || v === undefined ? null : new Money(v).toString();

function comparableOf(s: store.InsatsSnapshot): Comparable {
  return {
    ...s,
    styrgrupp: s.styrgrupp.map((p) => p.id).sort(),
    projektagare: s.projektagare.map((p) => p.id).sort(),
  };
}

function comparableInput(x: InsatsRegistration): Comparable {
  return {
    name: x.name,
    type: x.type,
    ownerParty: x.ownerParty,
    costCentre: x.costCentre,
    start: x.start,
    end: x.end ?? null,
    decision: x.decision
      ? { date: x.decision.date, body: x.decision.body ?? null, text: x.decision.text ?? null }
      : null,
    budgets: [...x.budgets]
      .sort((a, b) => a.year - b.year)
      .map((b) => ({ year: b.year, amount: norm(b.amount), decision: b.decision ?? null })),
    matpunkter: byYear(x.matpunkter).map((m) => ({
      key: m.key,
      year: m.year,
      text: m.text,
      metric: m.metric ?? null,
      op: m.op ?? null,
      target: norm(m.target),
    })),
    styrgrupp: [...x.styrgrupp].sort(),
    projektagare: [...x.projektagare].sort(),
  };
}

/** The input with the current styrgrupp and projektägare where it leaves them out (null or missing). */
function withTeam(input: unknown, before: store.InsatsSnapshot): unknown {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return input;
  const given = input as Record<string, unknown>;
  return {
    ...given,
    styrgrupp: given.styrgrupp ?? before.styrgrupp.map((p) => p.id),
    projektagare: given.projektagare ?? before.projektagare.map((p) => p.id),
  };
}

/** Mätpunkter by year, in the order given within a year (the order the follow-up form shows them). */
const byYear = <T extends { year: number }>(list: readonly T[]): T[] =>
  list
    .map((m, i) => ({ m, i }))
    .sort((a, b) => a.m.year - b.m.year || a.i - b.i)
    .map((e) => e.m);

/**
 * The kansli's register of insatser (issue 18): registers, edits, ends and deletes an insats in one transaction
 * with a typed audit entry holding what changed, guarded by the insats' version. The same rules as the bundle.
 */
@Injectable()
export class InsatsRegisterService {
  constructor(private readonly uow: UnitOfWork) {}

  async create(organisationId: string, input: unknown, actorId: string): Promise<string> {
    return this.uow.write(async (tx) => {
      await this.lock(tx, organisationId);
      const ctx = await store.registerContext(tx, organisationId, null);
      const x = this.valid(input, ctx);
      const id = await store.insertInsats(tx, organisationId, x);
      await this.writeChildren(tx, organisationId, id, x);
      const after = (await store.snapshot(tx, id))!;
      await appendAudit(tx, {
        organisationId,
        actorId,
        action: 'insats.created',
        entityType: 'insats',
        entityId: id,
        payload: { key: x.key, version: after.version, snapshot: { ...after } },
        documentHash: sha256Hex(canonicalJson(after)),
      });
      return id;
    });
  }

  /**
   * CONTRACT.md §4a: saves an insats in the shape of a bundle entry, matched by its key (registers it when the
   * förbund has none by that key). `version` guards the change when given; styrgrupp and projektägare left out
   * stay as they are.
   */
  async saveByKey(
    organisationId: string,
    input: unknown,
    version: number | null,
    actorId: string,
  ): Promise<void> {
    const key = (input as { key?: unknown } | null)?.key;
    const id =
      typeof key === 'string' ? await store.insatsIdByKey(this.uow.reader, organisationId, key) : null;
    if (id) await this.update(id, version, input, actorId);
    else await this.create(organisationId, input, actorId);
  }

  /** Changes an insats; `version` (null: whatever is current) guards it. Left-out people stay as they are. */
  async update(insatsId: string, version: number | null, input: unknown, actorId: string): Promise<void> {
    await this.uow.write(async (tx) => {
      const before = await this.current(tx, insatsId);
      if (version !== null && before.version !== version) throw this.stale(before.version);
      version = before.version;
      const ctx = await store.registerContext(tx, before.organisationId, insatsId);
      const x = this.valid(withTeam(input, before), {
        ...ctx,
        current: { key: before.key, followUpPeriods: await store.followUpPeriods(tx, insatsId) },
      });
      const from = comparableOf(before);
      const to = comparableInput(x);
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const f of FIELDS)
        if (canonicalJson(from[f]) !== canonicalJson(to[f])) changes[f] = { from: from[f], to: to[f] };
      if (!Object.keys(changes).length) return;
      const newVersion = await store.updateInsats(tx, insatsId, version, x);
      if (newVersion === null) throw this.stale(before.version);
      await this.writeChildren(tx, before.organisationId, insatsId, x);
      const after = (await store.snapshot(tx, insatsId))!;
      const ended = changes.end && x.end && (before.end === null || x.end < before.end);
      await appendAudit(tx, {
        organisationId: before.organisationId,
        actorId,
        ...(ended
          ? {
              action: 'insats.ended' as const,
              payload: { key: x.key, version: newVersion, changes, end: x.end! },
            }
          : { action: 'insats.updated' as const, payload: { key: x.key, version: newVersion, changes } }),
        entityType: 'insats',
        entityId: insatsId,
        documentHash: sha256Hex(canonicalJson(after)),
      });
    });
  }

  /** Deletes an insats registered by mistake; one with follow-ups (or survey collections) is ended instead. */
  async delete(insatsId: string, version: number, actorId: string): Promise<void> {
    await this.uow.write(async (tx) => {
      const before = await this.current(tx, insatsId);
      if (before.version !== version) throw this.stale(before.version);
      const blockers = await store.deletionBlockers(tx, insatsId);
      if (blockers.followUps || blockers.surveys) {
        const periods = (await store.followUpPeriods(tx, insatsId)).map(periodLabel);
        throw new AppError(
          InsatsError.HAS_FOLLOW_UPS,
          blockers.followUps
            ? `Insatsen ${before.name} har uppföljningar (${periods.join(', ')}) och kan inte tas bort. Avsluta den i stället genom att ange ett slutdatum.`
            : `Insatsen ${before.name} har enkätomgångar och kan inte tas bort. Avsluta den i stället genom att ange ett slutdatum.`,
          { followUps: blockers.followUps, surveys: blockers.surveys },
        );
      }
      if (!(await store.deleteInsats(tx, insatsId, version))) throw this.stale(before.version);
      await removeMembershipsWithoutRoles(tx, before.organisationId);
      await appendAudit(tx, {
        organisationId: before.organisationId,
        actorId,
        action: 'insats.deleted',
        entityType: 'insats',
        entityId: insatsId,
        payload: { key: before.key, version: before.version, snapshot: { ...before } },
        documentHash: sha256Hex(canonicalJson(before)),
      });
    });
  }

  private valid(input: unknown, ctx: Parameters<typeof validateInsatsRegistration>[1]): InsatsRegistration {
    const v = validateInsatsRegistration(input, ctx);
    if (!v.ok)
      throw new AppError(InsatsError.INVALID, 'Insatsen kunde inte sparas; se felen per fält.', {
        details: v.issues,
      });
    return v.insats;
  }

  /** The insats, locked: the förbund's lock first (as person edits take it), then the row. */
  private async current(tx: WriteTx, insatsId: string): Promise<store.InsatsSnapshot> {
    const seen = await store.snapshot(tx, insatsId);
    if (!seen) throw new AppError(InsatsError.NOT_FOUND, 'Insatsen finns inte.');
    await this.lock(tx, seen.organisationId);
    const s = await store.snapshot(tx, insatsId, true);
    if (!s) throw new AppError(InsatsError.NOT_FOUND, 'Insatsen finns inte.');
    return s;
  }

  private stale(currentVersion: number): AppError {
    return new AppError(
      InsatsError.VERSION_CONFLICT,
      'Någon annan har ändrat insatsen sedan du öppnade den. Hämta den senaste versionen och gör om ändringen.',
      { currentVersion },
    );
  }

  /** The same lock as the kansli's person edits, which rewrite the förbund's roles from its bundle. */
  private async lock(tx: WriteTx, organisationId: string): Promise<void> {
    const o = await organisationById(tx, organisationId);
    if (!o) throw new AppError(InsatsError.NOT_FOUND, 'Förbundet finns inte.');
    await lockBundle(tx, o.slug);
  }

  private async writeChildren(
    tx: WriteTx,
    organisationId: string,
    insatsId: string,
    x: InsatsRegistration,
  ): Promise<void> {
    await store.replaceBudgets(tx, insatsId, x.budgets);
    await store.replaceMatpunkter(tx, insatsId, byYear(x.matpunkter));
    await store.replaceTeam(tx, organisationId, insatsId, 'STYRGRUPP', x.styrgrupp);
    await store.replaceTeam(tx, organisationId, insatsId, 'PROJEKTAGARE', x.projektagare);
    await removeMembershipsWithoutRoles(tx, organisationId);
  }
}
