import { formatAmount } from '../../format';

interface BudgetYear {
  year: number;
  fromParties: string;
  fromEquity: string;
  esf: string;
  other: string;
  summaBudget: string;
  buffer: string;
  totalt: string;
  summaKostnader: string;
  ejBudgeterat: string;
}

const ROWS: Array<{ key: keyof BudgetYear; label: string; sum?: boolean }> = [
  { key: 'fromParties', label: 'Medel från parterna' },
  { key: 'fromEquity', label: 'Från eget kapital' },
  { key: 'esf', label: 'ESF och andra intäkter' },
  { key: 'summaBudget', label: 'Summa budget', sum: true },
  { key: 'buffer', label: 'Buffert' },
  { key: 'totalt', label: 'Totalt', sum: true },
  { key: 'summaKostnader', label: 'Summa budgeterade kostnader', sum: true },
  { key: 'ejBudgeterat', label: 'Ej budgeterat', sum: true },
];

/** What the saved plan gives: the allocation per party, the budget table, and the checks. */
export function PlanSummary(props: {
  allocation: Array<{ party: string; name: string; amount: string }>;
  budget: BudgetYear[];
  checks: Array<{ id: string; status: string; message: string }>;
}) {
  const failing = props.checks.filter((c) => c.status === 'FAIL');
  return (
    <section className="card" aria-labelledby="plan-summary">
      <h2 id="plan-summary">Så blir budgeten</h2>
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Medelstilldelning per part">
        <table className="table">
          <caption>Medelstilldelning per part</caption>
          <tbody>
            {props.allocation.map((a) => (
              <tr key={a.party}>
                <th scope="row">{a.name}</th>
                <td className="num">{formatAmount(a.amount, { decimals: 0 })} kr</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Budget, kronor">
        <table className="table">
          <caption>Budget, kronor</caption>
          <thead>
            <tr>
              <th scope="col">Rad</th>
              {props.budget.map((y) => (
                <th key={y.year} scope="col" className="num">
                  {y.year}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ROWS.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.sum ? <strong>{r.label}</strong> : r.label}</th>
                {props.budget.map((y) => (
                  <td key={y.year} className="num">
                    {formatAmount(String(y[r.key]), { decimals: 0 })}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>Kontroller</h3>
      <p>{failing.length ? `${failing.length} kontroller är inte godkända.` : 'Alla kontroller stämmer.'}</p>
      <ul className="check-list">
        {[...failing, ...props.checks.filter((c) => c.status === 'PASS')].map((c) => (
          <li key={c.id} className={c.status === 'FAIL' ? 'check-fail' : 'check-pass'}>
            <span className="visually-hidden">{c.status === 'FAIL' ? 'Inte godkänd: ' : 'Godkänd: '}</span>
            {c.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
