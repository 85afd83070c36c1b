import { formatAmount } from '../../format';
import { AmountInput } from './amount-input';
import type { PlanData } from './plan-queries';

type Setter = (change: (p: PlanData) => void) => void;

/** The allocation, the kommuner's key, the financing per year, the buffer and the cost lines for three years. */
export function PlanBudgetEditor(props: {
  plan: PlanData;
  set: Setter;
  setInvalid: (field: string, bad: boolean) => void;
  parties: Array<{ key: string; name: string; kind: string }>;
  costCentres: Array<{ code: string; name: string }>;
  lastYear: Array<{
    costCentre: string;
    budget: string | null;
    forecast: string | null;
    outcome: string | null;
  }>;
}) {
  const { plan, set } = props;
  const years = [plan.year, plan.year + 1, plan.year + 2].map(String);
  const amount = (field: string, apply: (p: PlanData, v: string) => void) => (v: string | null) => {
    props.setInvalid(field, v === null);
    if (v !== null) set((p) => apply(p, v));
  };
  return (
    <>
      <section className="card">
        <h2>Medelstilldelning</h2>
        <p className="muted">
          Staten betalar hälften via Försäkringskassan, regionen en fjärdedel och kommunerna tillsammans en
          fjärdedel enligt sin nyckel.
        </p>
        <div className="field-grid">
          <AmountInput
            id="plan-total"
            label="Årets tilldelning, kronor"
            value={plan.allocation.total}
            onChange={amount('total', (p, v) => (p.allocation.total = v))}
          />
          <AmountInput
            id="plan-buffer"
            label="Buffert, kronor"
            value={plan.buffer}
            onChange={amount('buffer', (p, v) => (p.buffer = v))}
          />
          {props.parties
            .filter((x) => x.kind === 'KOMMUN')
            .map((k) => (
              <AmountInput
                key={k.key}
                id={`plan-kommun-${k.key}`}
                label={`${k.name}, kronor`}
                value={plan.allocation.kommunKey[k.key]}
                onChange={amount(`kommun-${k.key}`, (p, v) => (p.allocation.kommunKey[k.key] = v))}
              />
            ))}
        </div>
      </section>
      <section className="card">
        <h2>
          Budget {years[0]}–{years[2]}
        </h2>
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Budget per kostnadsställe och år">
          <table className="table">
            <caption className="visually-hidden">Budget per kostnadsställe och år, kronor</caption>
            <thead>
              <tr>
                <th scope="col">Rad</th>
                {years.map((y) => (
                  <th key={y} scope="col">
                    {y}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">Från eget kapital</th>
                {years.map((y, i) => (
                  <td key={y}>
                    {i === 0 ? (
                      <AmountInput
                        id={`plan-equity-${y}`}
                        label={`Från eget kapital ${y}`}
                        hideLabel
                        value={plan.financing[y]?.fromEquity}
                        onChange={amount(
                          `equity-${y}`,
                          (p, v) => (p.financing[y] = { ...p.financing[y], fromEquity: v }),
                        )}
                      />
                    ) : (
                      <span className="muted">föregående års ej budgeterade</span>
                    )}
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row">ESF och andra intäkter</th>
                {years.map((y) => (
                  <td key={y}>
                    <AmountInput
                      id={`plan-esf-${y}`}
                      label={`ESF och andra intäkter ${y}`}
                      hideLabel
                      value={plan.financing[y]?.esf}
                      onChange={amount(
                        `esf-${y}`,
                        (p, v) => (p.financing[y] = { ...p.financing[y], esf: v }),
                      )}
                    />
                  </td>
                ))}
              </tr>
              {props.costCentres.map((cc) => (
                <tr key={cc.code}>
                  <th scope="row">
                    {cc.code} {cc.name}
                    <LastYear
                      line={props.lastYear.find((l) => l.costCentre === cc.code)}
                      year={plan.year - 1}
                    />
                  </th>
                  {years.map((y) => (
                    <td key={y}>
                      <AmountInput
                        id={`plan-line-${cc.code}-${y}`}
                        label={`${cc.code} ${cc.name} ${y}`}
                        hideLabel
                        value={plan.lines[cc.code]?.[y]}
                        onChange={amount(`line-${cc.code}-${y}`, (p, v) => {
                          p.lines[cc.code] = { ...p.lines[cc.code], [y]: v };
                        })}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}

/** Last year's budget, forecast and outcome beside a line, so next year starts from what happened. */
function LastYear(props: {
  year: number;
  line?: { budget: string | null; forecast: string | null; outcome: string | null };
}) {
  const l = props.line;
  if (!l || (!l.budget && !l.forecast && !l.outcome)) return null;
  const part = (label: string, v: string | null) =>
    v ? `${label} ${formatAmount(v, { decimals: 0 })}` : null;
  return (
    <small className="muted" style={{ display: 'block', fontWeight: 'normal' }}>
      {props.year}:{' '}
      {[part('budget', l.budget), part('prognos', l.forecast), part('utfall', l.outcome)]
        .filter(Boolean)
        .join(' · ')}
    </small>
  );
}
