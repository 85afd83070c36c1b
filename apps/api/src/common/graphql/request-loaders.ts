import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { currentDbScope, DbScope, runInDbScope } from '@app/infra';

/** A batch read: one result per key, in the keys' order. */
export type BatchRead<K, V> = (keys: readonly K[]) => Promise<readonly V[]>;

function scopeKey(scope: DbScope | undefined): string {
  if (!scope) return 'none';
  return scope.kind === 'tenant' ? `tenant:${scope.organisationId}` : `platform:${scope.reason}`;
}

/**
 * The DataLoaders of one GraphQL request (created in its context, never shared with another request): field
 * resolvers that would each run a query for their parent hand their key to a loader instead, and the keys
 * collected in one tick are read with one query.
 *
 * Row-level security scopes each operation to its förbund (libs/infra/src/database/tenant-scope.ts), and one
 * request may carry several operations in different scopes. So a loader is kept per name *and* database scope:
 * a batch holds only keys asked for in one scope, and its query runs in that scope. Loaders batch but do not
 * memoise (`cache: false`): a mutation later in the same request must not see what an earlier field read.
 */
export class RequestLoaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  /**
   * The value for `key` from the loader `name` in the current database scope. `batch` reads many keys at once;
   * the first call of a name in a scope creates its loader, so every call of one name must pass the same read.
   */
  load<K, V>(name: string, key: K, batch: BatchRead<K, V>): Promise<V> {
    const scope = currentDbScope();
    const id = `${name}|${scopeKey(scope)}`;
    let loader = this.loaders.get(id) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V>((keys) => runInDbScope(scope, () => batch(keys)), { cache: false });
      this.loaders.set(id, loader as DataLoader<unknown, unknown>);
    }
    return loader.load(key);
  }

  /**
   * The rows of `key` from a loader whose batch read answers a map of rows by key (the stores' `…Of` reads);
   * a key with no rows gets an empty list.
   */
  list<V>(
    name: string,
    key: string,
    read: (keys: readonly string[]) => Promise<Map<string, V[]>>,
  ): Promise<V[]> {
    return this.load<string, V[]>(name, key, async (keys) => {
      const rows = await read([...new Set(keys)]);
      return keys.map((k) => rows.get(k) ?? []);
    });
  }
}

/** The loaders of the GraphQL context, created there on first use (a context built without them). */
export function loadersOf(context: { loaders?: RequestLoaders }): RequestLoaders {
  return (context.loaders ??= new RequestLoaders());
}

/** The request's {@link RequestLoaders}, for a field resolver. */
export const Loaders = createParamDecorator((_data: unknown, ctx: ExecutionContext): RequestLoaders =>
  loadersOf(GqlExecutionContext.create(ctx).getContext<{ loaders?: RequestLoaders }>()),
);
