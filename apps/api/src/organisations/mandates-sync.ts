import { OrganisationBundle } from '@app/domain';
import {
  boardMandates,
  deleteBoardMandate,
  insertBoardMandate,
  MandateRow,
  MandateWrite,
  personIdsByEmail,
  updateBoardMandate,
  WriteTx,
} from '@app/infra';
import * as people from './people.store';

const BOARD_ROLES = new Set(['STYRELSELEDAMOT', 'STYRELSEERSATTARE', 'REVISOR']);

/**
 * The board mandates of a bundle (issue 18.2). With a `boardMandates` section the förbund's mandates become exactly
 * those (matched by person, role and first day, so an unchanged import touches nothing). Then, with or without the
 * section (a bundle from before mandates has none), every board role of `people` whose holder has no mandate in
 * that role becomes an open-ended mandate with the role's party and title: a ledamot the kansli adds under Personer
 * sits on the board until the kansli gives the mandate its period. Returns how many rows changed.
 */
export async function syncMandates(
  tx: WriteTx,
  organisationId: string,
  b: OrganisationBundle,
): Promise<number> {
  const current = await boardMandates(tx, organisationId);
  const section = b.boardMandates ? await syncSection(tx, organisationId, b.boardMandates, current) : null;
  let changes = section?.changes ?? 0;
  const held = new Set(section ? section.held : current.map((m) => `${m.personId}|${m.role}`));
  for (const r of await people.roleAssignments(tx, organisationId)) {
    if (!BOARD_ROLES.has(r.role) || held.has(`${r.personId}|${r.role}`)) continue;
    if (r.role !== 'REVISOR' && !r.partyKey) continue; // a ledamot without a party: the kansli completes it
    await insertBoardMandate(tx, organisationId, {
      personId: r.personId,
      role: r.role as MandateWrite['role'],
      title: r.title,
      appointedBy: r.partyKey,
      from: null,
      to: null,
      gender: null,
    });
    changes++;
  }
  return changes;
}

async function syncSection(
  tx: WriteTx,
  organisationId: string,
  section: NonNullable<OrganisationBundle['boardMandates']>,
  current: MandateRow[],
): Promise<{ changes: number; held: string[] }> {
  let changes = 0;
  const ids = await personIdsByEmail(
    tx,
    section.map((e) => e.email.toLowerCase()),
  );
  const key = (m: { personId: string; role: string; from: string | null }) =>
    `${m.personId}|${m.role}|${m.from ?? ''}`;
  const byKey = new Map(current.map((m) => [key(m), m]));
  const kept = new Set<string>();
  for (const e of section) {
    const email = e.email.toLowerCase();
    // A past member no longer among anyone's people: the record of their mandate keeps their name.
    const person = {
      id: ids.get(email) ?? (await people.insertPerson(tx, { email, name: e.name, passwordHash: null })),
    };
    ids.set(email, person.id);
    const want: MandateWrite = {
      personId: person.id,
      role: e.role,
      title: e.title ?? null,
      appointedBy: e.appointedBy ?? null,
      from: e.from ?? null,
      to: e.to ?? null,
      gender: e.gender ?? null,
    };
    const k = key(want);
    kept.add(k);
    const have = byKey.get(k);
    if (!have) {
      await insertBoardMandate(tx, organisationId, want);
      changes++;
    } else if (
      have.title !== want.title ||
      have.appointedBy !== want.appointedBy ||
      have.to !== want.to ||
      (have.gender ?? null) !== want.gender
    ) {
      await updateBoardMandate(tx, have.id, null, want);
      changes++;
    }
  }
  for (const m of current)
    if (!kept.has(key(m))) {
      await deleteBoardMandate(tx, m.id, null);
      changes++;
    }
  return { changes, held: [...kept].map((k) => k.split('|').slice(0, 2).join('|')) };
}
