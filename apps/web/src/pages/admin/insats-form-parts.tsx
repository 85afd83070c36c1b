import { COMPARISON_LABEL } from '../../format';
import { optionsOf, SelectField, TextField, type Option } from '../../components/fields';

export interface MatpunktDraft {
  key: string;
  year: string;
  text: string;
  metric: string;
  op: string;
  target: string;
}

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
          <TextField
            id={`insats-mp-year-${i}`}
            label={`År, mätpunkt ${i + 1}`}
            value={m.year}
            onChange={(v) => setMatpunkt(i, { year: v })}
            inputMode="numeric"
          />
          <TextField
            id={`insats-mp-text-${i}`}
            label={`Mätpunkt ${i + 1}`}
            value={m.text}
            onChange={(v) => setMatpunkt(i, { text: v })}
          />
          <TextField
            id={`insats-mp-metric-${i}`}
            label={`Mått, mätpunkt ${i + 1}`}
            value={m.metric}
            onChange={(v) => setMatpunkt(i, { metric: v })}
          />
          <SelectField
            id={`insats-mp-op-${i}`}
            label={`Jämförelse, mätpunkt ${i + 1}`}
            value={m.op}
            empty="Välj …"
            options={optionsOf(COMPARISON_LABEL)}
            onChange={(v) => setMatpunkt(i, { op: v })}
          />
          <TextField
            id={`insats-mp-target-${i}`}
            label={`Målvärde, mätpunkt ${i + 1}`}
            value={m.target}
            onChange={(v) => setMatpunkt(i, { target: v })}
            inputMode="decimal"
          />
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
