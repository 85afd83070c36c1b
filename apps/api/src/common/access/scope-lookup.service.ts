import { Injectable } from '@nestjs/common';
import { AccessScope } from '@app/domain';
import { UnitOfWork } from '@app/infra';
import { insatsById, organisationById, organisationBySlug, rowScope } from './scope.store';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Finds which förbund (and insats) an object belongs to, for the access guard. */
@Injectable()
export class ScopeLookup {
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
    const row = await rowScope(this.uow.reader, table, id, insatsColumn);
    return row ? { organisationId: row.organisation_id, insatsId: row.insats_id ?? null } : null;
  }
}
