import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessScope } from '@app/domain';
import { DATA_SOURCE } from '../infra/tokens';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Finds which förbund (and insats) an object belongs to, for the access guard. */
@Injectable()
export class ScopeLookup {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  async organisation(id: string): Promise<AccessScope | null> {
    if (!UUID.test(id)) return null;
    const [row] = await this.ds.query('SELECT id FROM organisation WHERE id = $1', [id]);
    return row ? { organisationId: row.id } : null;
  }

  async organisationBySlug(slug: string): Promise<AccessScope | null> {
    const [row] = await this.ds.query('SELECT id FROM organisation WHERE slug = $1', [slug]);
    return row ? { organisationId: row.id } : null;
  }

  async insats(id: string): Promise<AccessScope | null> {
    if (!UUID.test(id)) return null;
    const [row] = await this.ds.query('SELECT id, organisation_id FROM insats WHERE id = $1', [id]);
    return row ? { organisationId: row.organisation_id, insatsId: row.id } : null;
  }

  /** Any table whose rows carry organisation_id (and optionally insats_id). */
  async row(table: string, id: string, insatsColumn?: string): Promise<AccessScope | null> {
    if (!UUID.test(id) || !/^[a-z_]+$/.test(table)) return null;
    const cols = insatsColumn ? `organisation_id, ${insatsColumn} AS insats_id` : 'organisation_id';
    const [row] = await this.ds.query(`SELECT ${cols} FROM ${table} WHERE id = $1`, [id]);
    return row ? { organisationId: row.organisation_id, insatsId: row.insats_id ?? null } : null;
  }
}
