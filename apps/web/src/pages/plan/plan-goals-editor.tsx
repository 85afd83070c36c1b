import { percentToShare, shareToPercent } from '../../format';
import type { PlanData } from './plan-queries';

type Setter = (change: (p: PlanData) => void) => void;

/** The measures a goal can use, in words; ratios are typed in percent. */
const METRICS: Array<{ id: string; label: string; ratio: boolean }> = [
  { id: 'verksamhetens_kostnader_mot_budgetram', label: 'Kostnader mot budgetram', ratio: true },
  { id: 'eget_kapital_andel_av_medelstilldelning', label: 'Eget kapital av tilldelade medel', ratio: true },
  { id: 'administrativ_kostnadsandel', label: 'Administrativa kostnader av samlade kostnader', ratio: true },
  { id: 'soliditet', label: 'Soliditet', ratio: true },
  { id: 'eget_kapital', label: 'Eget kapital, kronor', ratio: false },
  { id: 'arets_resultat', label: 'Årets resultat, kronor', ratio: false },
];

/** A key from words: lower case, a–z, digits and _; unique among the given ones. */
export function keyFrom(text: string, taken: string[]): string {
  const base =
    text
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 40) || 'punkt';
  let key = base;
  for (let i = 2; taken.includes(key); i++) key = `${base}_${i}`;
  return key;
}

/** Målområden, the financial goals and each insats' mätpunkter for the plan year. */
export function PlanGoalsEditor(props: {
  plan: PlanData;
  set: Setter;
  insatser: Array<{ key: string; name: string }>;
}) {
  const { plan, set } = props;
  return (
    <>
      <section className="card">
        <h2>Målområden</h2>
        {plan.malomraden.map((m, i) => (
          <div className="field" key={m.key}>
            <label htmlFor={`plan-mal-${i}`}>Målområde {i + 1}</label>
            <input
              id={`plan-mal-${i}`}
              value={m.title}
              onChange={(e) => set((p) => (p.malomraden[i].title = e.target.value))}
            />
            <label htmlFor={`plan-mal-text-${i}`} className="visually-hidden">
              Text för målområde {i + 1}
            </label>
            <textarea
              id={`plan-mal-text-${i}`}
              rows={3}
              value={m.text ?? ''}
              onChange={(e) => set((p) => (p.malomraden[i].text = e.target.value))}
            />
            <button
              type="button"
              className="button-link"
              onClick={() => set((p) => p.malomraden.splice(i, 1))}
            >
              Ta bort målområde {i + 1}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button-link"
          onClick={() =>
            set((p) =>
              p.malomraden.push({
                key: keyFrom(
                  `malomrade ${p.malomraden.length + 1}`,
                  p.malomraden.map((x) => x.key),
                ),
                title: 'Nytt målområde',
              }),
            )
          }
        >
          Lägg till ett målområde
        </button>
      </section>
      <section className="card">
        <h2>Finansiella mål</h2>
        {plan.financialGoals.map((g, i) => {
          const metric = METRICS.find((m) => m.id === g.metric);
          return (
            <fieldset key={g.key} className="field-grid">
              <legend>Mål {i + 1}</legend>
              <div className="field">
                <label htmlFor={`plan-goal-text-${i}`}>Målet i ord</label>
                <input
                  id={`plan-goal-text-${i}`}
                  value={g.text}
                  onChange={(e) => set((p) => (p.financialGoals[i].text = e.target.value))}
                />
              </div>
              <div className="field">
                <label htmlFor={`plan-goal-metric-${i}`}>Mäts med</label>
                <select
                  id={`plan-goal-metric-${i}`}
                  value={g.metric}
                  onChange={(e) => set((p) => (p.financialGoals[i].metric = e.target.value))}
                >
                  {!metric && (
                    <option value={g.metric}>
                      {g.metric.startsWith('nns:') ? 'NNS-indikator' : g.metric}
                    </option>
                  )}
                  {METRICS.map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.label}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={`plan-goal-op-${i}`}>Villkor</label>
                <select
                  id={`plan-goal-op-${i}`}
                  value={g.op}
                  onChange={(e) => set((p) => (p.financialGoals[i].op = e.target.value))}
                >
                  <option value="<=">högst</option>
                  <option value=">=">minst</option>
                </select>
              </div>
              <div className="field">
                <label htmlFor={`plan-goal-value-${i}`}>
                  {metric?.ratio !== false ? 'Nivå, procent' : 'Nivå, kronor'}
                </label>
                <input
                  id={`plan-goal-value-${i}`}
                  inputMode="decimal"
                  defaultValue={
                    metric?.ratio !== false ? (shareToPercent(g.value) ?? g.value).replace('.', ',') : g.value
                  }
                  onChange={(e) => {
                    const v =
                      metric?.ratio !== false
                        ? percentToShare(e.target.value)
                        : e.target.value.replace(/\s/g, '');
                    if (v) set((p) => (p.financialGoals[i].value = v));
                  }}
                />
              </div>
              <button
                type="button"
                className="button-link"
                onClick={() => set((p) => p.financialGoals.splice(i, 1))}
              >
                Ta bort mål {i + 1}
              </button>
            </fieldset>
          );
        })}
        <button
          type="button"
          className="button-link"
          onClick={() =>
            set((p) =>
              p.financialGoals.push({
                key: keyFrom(
                  `mal ${p.financialGoals.length + 1}`,
                  p.financialGoals.map((x) => x.key),
                ),
                text: 'Nytt mål',
                metric: 'verksamhetens_kostnader_mot_budgetram',
                op: '<=',
                value: '1',
              }),
            )
          }
        >
          Lägg till ett mål
        </button>
      </section>
      <section className="card">
        <h2>Insatsernas mätpunkter {plan.year}</h2>
        {props.insatser.map((ins) => {
          const own = plan.insatser.find((x) => x.key === ins.key)?.matpunkter ?? [];
          const update = (change: (list: PlanData['insatser'][number]['matpunkter']) => void) =>
            set((p) => {
              let entry = p.insatser.find((x) => x.key === ins.key);
              if (!entry) p.insatser.push((entry = { key: ins.key, matpunkter: [] }));
              change(entry.matpunkter);
            });
          return (
            <div key={ins.key} className="field">
              <h3>{ins.name}</h3>
              {own.map((m, i) => (
                <div key={m.key} className="field">
                  <label htmlFor={`plan-mp-${ins.key}-${i}`}>Mätpunkt {i + 1}</label>
                  <input
                    id={`plan-mp-${ins.key}-${i}`}
                    value={m.text}
                    onChange={(e) => update((l) => (l[i].text = e.target.value))}
                  />
                  <button type="button" className="button-link" onClick={() => update((l) => l.splice(i, 1))}>
                    Ta bort mätpunkt {i + 1} för {ins.name}
                  </button>
                </div>
              ))}
              <button
                type="button"
                className="button-link"
                onClick={() =>
                  update((l) =>
                    l.push({
                      key: keyFrom(
                        `matpunkt ${l.length + 1}`,
                        l.map((x) => x.key),
                      ),
                      text: 'Ny mätpunkt',
                    }),
                  )
                }
              >
                Lägg till en mätpunkt för {ins.name}
              </button>
            </div>
          );
        })}
      </section>
    </>
  );
}
