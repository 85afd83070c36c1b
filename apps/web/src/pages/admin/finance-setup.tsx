import type { ReactNode } from 'react';
import { useQuery } from 'urql';
import { useSession } from '../../session';
import { errorMessage } from '../../format';
import { Alert, Loading } from '../../components/ui';
import type { FinanceSetupQuery } from '../../gql/graphql';

import { FinanceSetupDocument } from './finance-queries';

/**
 * The förbund's financial set-up (issue 18): cost centres, parties and key, financial goals, each register on a
 * sub-page of its own; `saved` reads the set-up again after a change.
 */
export function FinanceSetup(props: {
  children: (d: FinanceSetupQuery['financeSetup'], saved: () => void) => ReactNode;
}) {
  const s = useSession();
  const [q, refetch] = useQuery({
    query: FinanceSetupDocument,
    variables: { orgId: s.org?.id ?? '' },
    pause: !s.org,
    requestPolicy: 'cache-and-network',
  });
  if (q.error && !q.data) return <Alert kind="error">{errorMessage(q.error)}</Alert>;
  if (!q.data) return <Loading what="förbundets ekonomiska uppgifter" />;
  return <>{props.children(q.data.financeSetup, () => refetch({ requestPolicy: 'network-only' }))}</>;
}
