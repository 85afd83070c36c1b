import { COMPARISON_LABEL } from '../../format';

export interface Option {
  value: string;
  label: string;
}

export interface MatpunktDraft {
  key: string;
  year: string;
  text: string;
  metric: string;
  op: string;
  target: string;
}

/** A labelled text input (its id ties the label to it). */
export const text = (
  id: string,
  label: string,
  value: string,
  onChange: (v: string) => void,
  extra: object = {},
) => (
  <div className="field">
    <label htmlFor={id}>{label}</label>
    <input id={id} value={value} onChange={(e) => onChange(e.target.value)} {...extra} />
  </div>
);

/** A labelled choice among options, empty until chosen. */
export const choice = (
  id: string,
  label: string,
  value: string,
  options: Option[],
  onChange: (v: string) => void,
) => (
  <div className="field">
    <label htmlFor={id}>{label}</label>
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">Välj …</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  </div>
);

/** The first matpunkt_<n> not yet used (rows can be removed in between). */
const freeKey = (list: MatpunktDraft[]) => {
  let n = list.length + 1;
  while (list.some((m) => m.key === `matpunkt_${n}`)) n++;
  return `matpunkt_${n}`;
};

/** The insats' mätpunkter, one row each: year, text, what is measured, and op with target. */
export function MatpunktRows(props: {
  matpunkter: MatpunktDraft[];
  start: string;
  onChange: (matpunkter: MatpunktDraft[]) => void;
}) {
  const setMatpunkt = (i: number, patch: Partial<MatpunktDraft>) =>
    props.onChange(props.matpunkter.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  return (
    <>
      <h3>Mätpunkter</h3>
      <p className="hint">
        Jämförelse och målvärde anges tillsammans. Mått: ett fält i uppföljningen (t.ex. inskrivna_totalt)
        eller en NNS-indikator (nns:7:DELTAGARE_AVSLUT:6).
      </p>
      {props.matpunkter.map((m, i) => (
        <div className="field-grid role-row" key={i}>
          {text(`insats-mp-year-${i}`, `År, mätpunkt ${i + 1}`, m.year, (v) => setMatpunkt(i, { year: v }), {
            inputMode: 'numeric',
          })}
          {text(`insats-mp-text-${i}`, `Mätpunkt ${i + 1}`, m.text, (v) => setMatpunkt(i, { text: v }))}
          {text(`insats-mp-metric-${i}`, `Mått, mätpunkt ${i + 1}`, m.metric, (v) =>
            setMatpunkt(i, { metric: v }),
          )}
          {choice(
            `insats-mp-op-${i}`,
            `Jämförelse, mätpunkt ${i + 1}`,
            m.op,
            Object.entries(COMPARISON_LABEL).map(([value, label]) => ({ value, label })),
            (v) => setMatpunkt(i, { op: v }),
          )}
          {text(
            `insats-mp-target-${i}`,
            `Målvärde, mätpunkt ${i + 1}`,
            m.target,
            (v) => setMatpunkt(i, { target: v }),
            { inputMode: 'decimal' },
          )}
          <div className="field">
            <span className="hint">&nbsp;</span>
            <button
              type="button"
              className="button-link danger-link"
              onClick={() => props.onChange(props.matpunkter.filter((_, j) => j !== i))}
            >
              Ta bort mätpunkt {i + 1}
            </button>
          </div>
        </div>
      ))}
      <button
        type="button"
        className="button"
        onClick={() =>
          props.onChange([
            ...props.matpunkter,
            {
              key: freeKey(props.matpunkter),
              year: props.start.slice(0, 4),
              text: '',
              metric: '',
              op: '',
              target: '',
            },
          ])
        }
      >
        Lägg till en mätpunkt
      </button>
    </>
  );
}

/** People of the förbund chosen for a role in the insats: a choice to add one, a list to remove them. */
export function TeamPicker(props: {
  id: string;
  label: string;
  people: Option[];
  chosen: string[];
  onChange: (chosen: string[]) => void;
}) {
  const { label } = props;
  return (
    <div className="field">
      <label htmlFor={props.id}>Lägg till {label.toLowerCase()}</label>
      <select
        id={props.id}
        value=""
        onChange={(e) => e.target.value && props.onChange([...props.chosen, e.target.value])}
      >
        <option value="">Välj person …</option>
        {props.people
          .filter((p) => !props.chosen.includes(p.value))
          .map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
      </select>
      <ul className="list" aria-label={label}>
        {props.chosen.map((id) => {
          const name = props.people.find((p) => p.value === id)?.label ?? id;
          return (
            <li key={id} className="list-row">
              <span className="list-main">{name}</span>
              <button
                type="button"
                className="button-link danger-link"
                onClick={() => props.onChange(props.chosen.filter((x) => x !== id))}
              >
                Ta bort
                <span className="visually-hidden">
                  {' '}
                  {name} som {label.toLowerCase()}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
