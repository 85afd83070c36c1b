import { useQuery } from 'urql';
import { useSession } from '../../session';
import { errorMessage } from '../../format';
import { Alert, Loading } from '../../components/ui';

import { FinanceSetupDocument } from './finance-queries';
import { CostCentres } from './cost-centres';
import { Parties } from './parties';
import { FinancialGoals } from './financial-goals';

/** The förbund's financial set-up (issue 18): cost centres, parties and key, financial goals. */
export function FinanceSetup(props: { onChanged: () => void }) {
  const s = useSession();
  const [q, refetch] = useQuery({
    query: FinanceSetupDocument,
    variables: { orgId: s.org?.id ?? '' },
    pause: !s.org,
  });
  if (q.error && !q.data) return <Alert kind="error">{errorMessage(q.error)}</Alert>;
  if (!q.data) return <Loading what="förbundets ekonomiska uppgifter" />;
  const d = q.data.financeSetup;
  const saved = () => {
    refetch({ requestPolicy: 'network-only' });
    props.onChanged();
  };
  return (
    <>
      <CostCentres costCentres={d.costCentres} onSaved={saved} />
      <Parties parties={d.parties} kommunKey={d.kommunKey} onSaved={saved} />
      <FinancialGoals goals={d.financialGoals} metrics={d.metrics} onSaved={saved} />
    </>
  );
}
