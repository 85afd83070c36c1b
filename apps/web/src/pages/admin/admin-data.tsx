import type { ReactNode } from 'react';
import { useQuery } from 'urql';
import { useSession } from '../../session';
import { errorMessage } from '../../format';
import { Alert, Loading } from '../../components/ui';
import type { AdminQuery } from '../../gql/graphql';
import { AdminDocument } from './admin-queries';

/**
 * The förbund's people, budgets, forecasts and SIE imports (one query, shared by the administration's sub-pages
 * through urql's cache and read again on every visit, so a register changed on another sub-page is current).
 */
export function AdminData(props: { children: (d: AdminQuery, reload: () => void) => ReactNode }) {
  const s = useSession();
  const [q, refetch] = useQuery({
    query: AdminDocument,
    variables: { slug: s.org?.slug ?? '', orgId: s.org?.id ?? '' },
    pause: !s.org,
    requestPolicy: 'cache-and-network',
  });
  if (q.error && !q.data) return <Alert kind="error">{errorMessage(q.error)}</Alert>;
  if (!q.data) return <Loading what="förbundets uppgifter" />;
  return <>{props.children(q.data, () => refetch({ requestPolicy: 'network-only' }))}</>;
}
