import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { useSession } from '../../session';
import { errorCode, errorMessage } from '../../format';
import { Alert, Loading } from '../../components/ui';
import {
  PlanDocument,
  PlanData,
  PLAN_TEXTS,
  RevisePlanDocument,
  SavePlanDocument,
  StartPlanDocument,
} from './plan-queries';
import { PlanBudgetEditor } from './plan-budget-editor';
import { PlanSummary } from './plan-summary';
import { PlanGoalsEditor } from './plan-goals-editor';

const STATUS: Record<string, string> = {
  DRAFT: 'Utkast',
  FOR_DECISION: 'För beslut',
  DECIDED: 'Beslutad',
  SUPERSEDED: 'Ersatt',
};

/** Verksamhetsplan och budget: the förbundschef writes the year's plan, sees its budget and checks as it saves. */
export function PlanPage() {
  const s = useSession();
  const nextYear = new Date().getFullYear() + 1;
  const [year, setYear] = useState(nextYear);
  const [q, refetch] = useQuery({
    query: PlanDocument,
    variables: { slug: s.org?.slug ?? '', orgId: s.org?.id ?? '', year },
    pause: !s.org,
  });
  const [, start] = useMutation(StartPlanDocument);
  const [, revise] = useMutation(RevisePlanDocument);
  const [{ fetching: saving }, save] = useMutation(SavePlanDocument);
  const [draft, setDraft] = useState<PlanData | null>(null);
  const [invalid, setInvalid] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState<{ kind: 'error' | 'success' | 'warning'; text: string } | null>(
    null,
  );
  const plan = q.data?.plan;
  useEffect(() => {
    document.title = `Verksamhetsplan ${year} – Samordningsplattformen`;
  }, [year]);
  useEffect(
    () => setDraft(plan ? (structuredClone(plan.data) as PlanData) : null),
    [plan?.id, plan?.version],
  );

  const set = (change: (p: PlanData) => void) => {
    setMessage(null);
    setDraft((d) => {
      if (!d) return d;
      const next = structuredClone(d);
      change(next);
      return next;
    });
  };
  const markInvalid = (field: string, bad: boolean) =>
    setInvalid((prev) => {
      const next = new Set(prev);
      if (bad) next.add(field);
      else next.delete(field);
      return next;
    });

  async function onStart() {
    const r = await start({ orgId: s.org?.id ?? '', year });
    setMessage(
      r.error
        ? { kind: 'error', text: errorMessage(r.error) }
        : { kind: 'success', text: `Planen för ${year} är påbörjad.` },
    );
    refetch({ requestPolicy: 'network-only' });
  }

  async function onRevise() {
    const r = await revise({ orgId: s.org?.id ?? '', year });
    setMessage(
      r.error
        ? { kind: 'error', text: errorMessage(r.error) }
        : {
            kind: 'success',
            text: 'En ny version av planen är påbörjad; den beslutade gäller tills den nya är beslutad.',
          },
    );
    refetch({ requestPolicy: 'network-only' });
  }

  async function onSave(e: FormEvent) {
    e.preventDefault();
    if (!draft || !plan) return;
    if (invalid.size)
      return setMessage({
        kind: 'error',
        text: 'Några belopp är inte ifyllda rätt; rätta de markerade fälten.',
      });
    const r = await save({ orgId: s.org?.id ?? '', year, version: plan.version, plan: draft });
    if (r.error)
      setMessage({
        kind: errorCode(r.error) === 'VERSION_CONFLICT' ? 'warning' : 'error',
        text:
          errorCode(r.error) === 'VERSION_CONFLICT'
            ? 'Någon annan har sparat planen sedan du öppnade den. Ladda om sidan och gör om din ändring.'
            : errorMessage(r.error),
      });
    else setMessage({ kind: 'success', text: 'Planen är sparad.' });
    refetch({ requestPolicy: 'network-only' });
  }

  if (!s.has('FORBUNDSCHEF', 'ADMIN'))
    return <Alert kind="info">Verksamhetsplanen skrivs av förbundschefen och kansliet.</Alert>;
  const goalChecks = (plan?.checks ?? []).filter((c) => c.id.startsWith('plan_mal_andrat_'));
  return (
    <>
      <h1>Verksamhetsplan och budget {year}</h1>
      <div className="field" style={{ maxWidth: '12rem' }}>
        <label htmlFor="plan-year">År</label>
        <select id="plan-year" value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {[nextYear - 2, nextYear - 1, nextYear, nextYear + 1].map((y) => (
            <option key={y}>{y}</option>
          ))}
        </select>
      </div>
      {message && <Alert kind={message.kind}>{message.text}</Alert>}
      {q.fetching && !q.data && <Loading what="planen" />}
      {q.error && <Alert kind="error">{errorMessage(q.error)}</Alert>}
      {q.data && !plan && (
        <section className="card">
          <p>Det finns ingen plan för {year} ännu. Den börjar som en kopia av den senast beslutade planen.</p>
          <button type="button" className="button" onClick={onStart}>
            Påbörja planen för {year}
          </button>
        </section>
      )}
      {plan && draft && (
        <form onSubmit={onSave} noValidate>
          <p>
            Status: <strong>{STATUS[plan.status] ?? plan.status}</strong> · version {plan.revision}
          </p>
          <p className="muted">
            När planen är klar sammanställer du den under <Link to="/rapporter">Rapporter</Link>{' '}
            (Verksamhetsplan och budget) och skickar den för underskrift. När ordföranden och justeraren har
            skrivit under är planen beslutad: dess budget, mål och mätpunkter gäller för året.
          </p>
          <section className="card">
            <h2>Texter</h2>
            {PLAN_TEXTS.map((t) => (
              <div className="field" key={t.key}>
                <label htmlFor={`plan-text-${t.key}`}>{t.title}</label>
                <textarea
                  id={`plan-text-${t.key}`}
                  rows={4}
                  value={draft.texts[t.key] ?? ''}
                  onChange={(e) => set((p) => (p.texts[t.key] = e.target.value))}
                />
              </div>
            ))}
          </section>
          <PlanGoalsEditor plan={draft} set={set} insatser={q.data?.organisation?.insatser ?? []} />
          <PlanBudgetEditor
            lastYear={plan.lastYear}
            plan={draft}
            set={set}
            setInvalid={markInvalid}
            parties={q.data?.organisation?.parties ?? []}
            costCentres={q.data?.organisation?.costCentres ?? []}
          />
          {goalChecks.length > 0 && (
            <section className="card">
              <h2>Ändrade mål</h2>
              {goalChecks.map((c) => {
                const metric = c.id.replace('plan_mal_andrat_', '');
                return (
                  <label key={c.id} className="radio">
                    <input
                      type="checkbox"
                      checked={draft.confirmedGoalChanges.includes(metric)}
                      onChange={(e) =>
                        set((p) => {
                          p.confirmedGoalChanges = e.target.checked
                            ? [...p.confirmedGoalChanges, metric]
                            : p.confirmedGoalChanges.filter((m) => m !== metric);
                        })
                      }
                    />{' '}
                    {c.message} Jag bekräftar ändringen.
                  </label>
                );
              })}
            </section>
          )}
          <div className="button-row">
            <button type="submit" className="button" disabled={saving || plan.status !== 'DRAFT'}>
              {saving ? 'Sparar …' : 'Spara planen'}
            </button>
            {plan.status === 'DECIDED' && (
              <button type="button" className="button" onClick={onRevise}>
                Påbörja en ny version
              </button>
            )}
          </div>
        </form>
      )}
      {plan && plan.budget.length > 0 && (
        <PlanSummary allocation={plan.allocation} budget={plan.budget} checks={plan.checks} />
      )}
    </>
  );
}
