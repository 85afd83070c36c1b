import { Tx } from '@app/infra';
import { RequestLoaders } from '../common/graphql/request-loaders';
import * as store from './organisation.store';
import { MemberRow, membersOf } from './people.store';

type InsatserKey = { organisationId: string; only: readonly string[] | null };

/**
 * The reads of the förbund's and insatser's field resolvers, through the request's loaders: a list of förbund
 * (or insatser) asking for a field costs one query for all of them, not one each. Who may see what is still
 * decided by the resolver before it asks (`only`, the people check).
 */
export class OrganisationLoads {
  constructor(
    private readonly loaders: RequestLoaders,
    private readonly tx: Tx,
  ) {}

  organisation(id: string): Promise<store.OrganisationRow | null> {
    return this.loaders.load<string, store.OrganisationRow | null>('organisation.byId', id, async (ids) => {
      const rows = await store.organisationsByIds(this.tx, [...new Set(ids)]);
      return ids.map((i) => rows.get(i) ?? null);
    });
  }

  /** The förbund's insatser; `only`: just those ids (a projektägare's or styrgrupp's own), null: all. */
  insatser(organisationId: string, only: readonly string[] | null): Promise<store.InsatsRow[]> {
    return this.loaders.load<InsatserKey, store.InsatsRow[]>(
      'organisation.insatser',
      { organisationId, only },
      async (keys) => {
        const orgs = [...new Set(keys.map((k) => k.organisationId))];
        const ids = keys.some((k) => k.only === null) ? null : [...new Set(keys.flatMap((k) => k.only!))];
        const rows = await store.insatserOf(this.tx, orgs, ids);
        return keys.map((k) =>
          (rows.get(k.organisationId) ?? []).filter((r) => k.only === null || k.only.includes(r.id)),
        );
      },
    );
  }

  parties(organisationId: string) {
    return this.loaders.list('organisation.parties', organisationId, (ids) => store.partiesOf(this.tx, ids));
  }

  costCentres(organisationId: string) {
    return this.loaders.list('organisation.costCentres', organisationId, (ids) =>
      store.costCentresOf(this.tx, ids),
    );
  }

  workflowConfig(organisationId: string): Promise<unknown> {
    return this.loaders.load<string, unknown>('organisation.workflowConfig', organisationId, async (ids) => {
      const rows = await store.workflowConfigsOf(this.tx, [...new Set(ids)]);
      return ids.map((i) => rows.get(i) ?? null);
    });
  }

  members(organisationId: string): Promise<MemberRow[]> {
    return this.loaders.list('organisation.members', organisationId, (ids) => membersOf(this.tx, ids));
  }

  matpunkter(insatsId: string, year: number | null): Promise<store.MatpunktRow[]> {
    return this.loaders.list('insats.matpunkter', `${insatsId}:${year ?? ''}`, (keys) =>
      store.matpunkterOf(
        this.tx,
        keys.map((k) => {
          const [id, y] = k.split(':');
          return { insatsId: id, year: y ? Number(y) : null };
        }),
      ),
    );
  }

  budgets(insatsId: string) {
    return this.loaders.list('insats.budgets', insatsId, (ids) => store.insatsBudgetsOf(this.tx, ids));
  }
}
