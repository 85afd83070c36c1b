import { Injectable } from '@nestjs/common';
import { AccessScope } from '@app/domain';
import { UnitOfWork } from '@app/infra';
import { insatsById, organisationById, organisationBySlug, rowScope } from './scope.store';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Tables whose rows never move to another förbund or insats (no statement updates their organisation_id or
 * insats_id), so the scope found once for an id stays true and is remembered: every autosave's access check then
 * costs no query. A deleted row's scope may stay remembered; the operation itself then finds nothing.
 */
const IMMUTABLE_SCOPE = new Set(['submission']);
const REMEMBERED = 10_000;

/** Finds which förbund (and insats) an object belongs to, for the access guard. */
@Injectable()
export class ScopeLookup {
  private readonly remembered = new Map<string, AccessScope>();

  constructor(private readonly uow: UnitOfWork) {}

  async organisation(id: string): Promise<AccessScope | null> {
    if (!UUID.test(id)) return null;
    const row = await organisationById(this.uow.reader, id);
    return row ? { organisationId: row.id } : null;
  }

  async organisationBySlug(slug: string): Promise<AccessScope | null> {
    const row = await organisationBySlug(this.uow.reader, slug);
    return row ? { organisationId: row.id } : null;
  }

  async insats(id: string): Promise<AccessScope | null> {
    if (!UUID.test(id)) return null;
    const row = await insatsById(this.uow.reader, id);
    return row ? { organisationId: row.organisation_id, insatsId: row.id } : null;
  }

  /** Any table whose rows carry organisation_id (and optionally insats_id). */
  async row(table: string, id: string, insatsColumn?: string): Promise<AccessScope | null> {
    if (!UUID.test(id) || !/^[a-z_]+$/.test(table)) return null;
    const key = `${table}:${insatsColumn ?? ''}:${id.toLowerCase()}`;
    const known = this.remembered.get(key);
    if (known) return known;
    const row = await rowScope(this.uow.reader, table, id, insatsColumn);
    const scope = row ? { organisationId: row.organisation_id, insatsId: row.insats_id ?? null } : null;
    if (scope && IMMUTABLE_SCOPE.has(table)) {
      if (this.remembered.size >= REMEMBERED) this.remembered.delete(this.remembered.keys().next().value!);
      this.remembered.set(key, scope);
    }
    return scope;
  }
}
