import { useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { useSession } from '../session';
import { errorMessage, exemptedText, FOLLOW_UP_COVERAGE_LABEL, periodLabel } from '../format';
import { Alert } from './ui';

const ExemptFollowUpDocument = graphql(`
  mutation ExemptFollowUp($insatsId: ID!, $period: String!, $reason: String!) {
    exemptFollowUp(insatsId: $insatsId, period: $period, reason: $reason) {
      insatsId
      period
      reason
    }
  }
`);

const RemoveFollowUpExemptionDocument = graphql(`
  mutation RemoveFollowUpExemption($insatsId: ID!, $period: String!) {
    removeFollowUpExemption(insatsId: $insatsId, period: $period)
  }
`);

export interface CoverageItem {
  insatsKey: string;
  insatsId?: string | null;
  insatsName: string;
  period: string;
  state: string;
  reason?: string | null;
}

/**
 * The insatser a report accounts for without an approved follow-up: missing ("Uppföljning saknas") or exempted.
 * The förbundschef may exempt a missing one for the period, with a reason; the next compilation shows it.
 */
export function FollowUpCoverage(props: { items: CoverageItem[] }) {
  const open = props.items.filter((c) => c.state !== 'GODKAND');
  const [changed, setChanged] = useState<string | null>(null);
  if (!open.length) return null;
  return (
    <section className="card" aria-labelledby="coverage-heading">
      <h2 id="coverage-heading">Insatser utan godkänd uppföljning</h2>
      <p>
        Varje insats som är finansierad under perioden redovisas i rapporten. En insats utan godkänd
        uppföljning gör att en kontroll inte stämmer, och rapporten kan då bara skickas för underskrift med en
        motivering.
      </p>
      {changed && <Alert kind="success">{changed}</Alert>}
      <ul className="list" aria-label="Insatser utan godkänd uppföljning">
        {open.map((c) => (
          <CoverageRow key={c.insatsKey} item={c} onChanged={setChanged} />
        ))}
      </ul>
    </section>
  );
}

function CoverageRow(props: { item: CoverageItem; onChanged: (msg: string) => void }) {
  const s = useSession();
  const c = props.item;
  const [reason, setReason] = useState('');
  const [exempt, doExempt] = useMutation(ExemptFollowUpDocument);
  const [removal, doRemove] = useMutation(RemoveFollowUpExemptionDocument);
  const chef = s.has('FORBUNDSCHEF') && !!c.insatsId;
  const field = `exempt-${c.insatsKey}`;
  const after = 'Sammanställ rapporten igen för att ändringen ska synas.';
  return (
    <li className="list-row">
      <span className="list-main">
        {c.insatsName}, {periodLabel(c.period)}:{' '}
        {c.state === 'UNDANTAGEN'
          ? exemptedText(c.reason ?? '')
          : FOLLOW_UP_COVERAGE_LABEL[c.state as 'SAKNAS']}
      </span>
      {chef && c.state === 'SAKNAS' && (
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            const r = await doExempt({ insatsId: c.insatsId!, period: c.period, reason });
            if (r.data)
              props.onChanged(
                `${c.insatsName} är undantagen för ${periodLabel(c.period).toLowerCase()}. ${after}`,
              );
          }}
        >
          <div className="field">
            <label htmlFor={field}>Skäl att undanta insatsen för perioden</label>
            <textarea
              id={field}
              value={reason}
              required
              maxLength={2000}
              onChange={(e) => setReason(e.target.value)}
            />
          </div>
          {exempt.error && <Alert kind="error">{errorMessage(exempt.error)}</Alert>}
          <button type="submit" className="button small" disabled={exempt.fetching || !reason.trim()}>
            Undanta insatsen
          </button>
        </form>
      )}
      {chef && c.state === 'UNDANTAGEN' && (
        <>
          {removal.error && <Alert kind="error">{errorMessage(removal.error)}</Alert>}
          <button
            type="button"
            className="button small"
            disabled={removal.fetching}
            onClick={async () => {
              const r = await doRemove({ insatsId: c.insatsId!, period: c.period });
              if (r.data) props.onChanged(`Undantaget för ${c.insatsName} är borttaget. ${after}`);
            }}
          >
            Ta bort undantaget
          </button>
        </>
      )}
    </li>
  );
}
