import { useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { useSession } from '../session';
import { errorMessage } from '../format';
import { Alert, Loading } from '../components/ui';
import {
  DELAR_END_LABEL,
  DEVIATION_SIGN_TEXT,
  driftColumnLabel,
} from '../../../../libs/domain/src/labels/report-labels';

const ReportSettingsDocument = graphql(`
  query ReportSettings($orgId: ID!) {
    reportSettings(organisationId: $orgId) {
      delarEnd
      deviationSign
      driftColumns
      plannedDecisionDate
    }
  }
`);

const SaveReportSettingsDocument = graphql(`
  mutation SaveReportSettings(
    $orgId: ID!
    $delarEnd: String
    $deviationSign: String
    $driftColumns: [String!]
    $plannedDecisionDate: String
  ) {
    saveReportSettings(
      organisationId: $orgId
      delarEnd: $delarEnd
      deviationSign: $deviationSign
      driftColumns: $driftColumns
      plannedDecisionDate: $plannedDecisionDate
    ) {
      delarEnd
      deviationSign
      driftColumns
      plannedDecisionDate
    }
  }
`);

/** The driftredovisning's column orders a förbund chooses between (the first is the seeds'). */
const COLUMN_CHOICES: string[][] = [
  ['UTFALL', 'BUDGET', 'AVVIKELSE', 'UTFALL_FOREGAENDE_AR'],
  ['BUDGET', 'UTFALL', 'AVVIKELSE', 'UTFALL_FOREGAENDE_AR'],
  ['BUDGET', 'UTFALL', 'AVVIKELSE'],
  ['UTFALL', 'BUDGET', 'AVVIKELSE'],
];

/** The förbund's report choices: the delår's last day, how deviations are signed, the driftredovisning's columns. */
export function ReportSettingsEditor(props: { year: number }) {
  const s = useSession();
  const [q] = useQuery({ query: ReportSettingsDocument, variables: { orgId: s.org!.id } });
  const [saving, save] = useMutation(SaveReportSettingsDocument);
  const [delarEnd, setDelarEnd] = useState('06-30');
  const [sign, setSign] = useState('BUDGET_MINUS_UTFALL');
  const [columns, setColumns] = useState(0);
  const [planned, setPlanned] = useState('');
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  useEffect(() => {
    const r = q.data?.reportSettings;
    if (!r) return;
    setDelarEnd(r.delarEnd);
    setSign(r.deviationSign);
    const i = COLUMN_CHOICES.findIndex((c) => c.join() === r.driftColumns.join());
    setColumns(i < 0 ? 0 : i);
    setPlanned(r.plannedDecisionDate ?? '');
  }, [q.data]);
  if (!q.data) return <Loading what="rapportinställningarna" />;
  async function onSave() {
    const r = await save({
      orgId: s.org!.id,
      delarEnd,
      deviationSign: sign,
      driftColumns: COLUMN_CHOICES[columns],
      plannedDecisionDate: planned || null,
    });
    setMessage(
      r.data
        ? { kind: 'success', text: 'Inställningarna är sparade och gäller nästa sammanställning.' }
        : { kind: 'error', text: errorMessage(r.error) },
    );
  }
  return (
    <details className="texts">
      <summary>Förbundets val för rapporterna</summary>
      <div className="field">
        <label htmlFor="delar-end">Delårsrapportens period slutar</label>
        <select id="delar-end" value={delarEnd} onChange={(e) => setDelarEnd(e.target.value)}>
          {Object.entries(DELAR_END_LABEL).map(([v, label]) => (
            <option key={v} value={v}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="deviation-sign">Avvikelse</label>
        <select id="deviation-sign" value={sign} onChange={(e) => setSign(e.target.value)}>
          {Object.entries(DEVIATION_SIGN_TEXT).map(([v, t]) => (
            <option key={v} value={v}>
              {t.utfall}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="drift-columns">Driftredovisningens kolumner</label>
        <select id="drift-columns" value={columns} onChange={(e) => setColumns(Number(e.target.value))}>
          {COLUMN_CHOICES.map((c, i) => (
            <option key={c.join()} value={i}>
              {c.map((x) => driftColumnLabel(x, props.year)).join(', ')}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="planned-decision">Planerat beslutsdatum för årsredovisningen {props.year}</label>
        <input
          id="planned-decision"
          type="date"
          value={planned}
          aria-describedby="planned-decision-help"
          onChange={(e) => setPlanned(e.target.value)}
        />
        <p id="planned-decision-help" className="muted">
          Året efter räkenskapsåret. Tills en signeringsbegäran anger beslutsdatum listar underskriftssidan
          styrelsen den dagen; utan planerat datum den dag rapporten sammanställs.
        </p>
      </div>
      {message && <Alert kind={message.kind}>{message.text}</Alert>}
      <div className="button-row">
        <button type="button" className="button" disabled={saving.fetching} onClick={onSave}>
          Spara valen
        </button>
      </div>
    </details>
  );
}
