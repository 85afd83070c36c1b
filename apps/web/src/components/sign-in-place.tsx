import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import type { SigningFieldsFragment } from '../gql/graphql';
import { useSession } from '../session';
import { errorMessage } from '../format';
import { Alert } from './ui';
import { BoardMandatesDocument } from '../pages/admin/board-queries';
import { SignInPlaceOfDocument } from '../pages/signing-queries';

/**
 * An ersättare signs in a ledamot's place (issue 18.2), with the reason recorded on the request and the
 * signeringsintyg. The kansli or the förbundschef picks any ersättare; an ersättare can step in themselves.
 * Whether the ersättare holds a mandate on the decision date (for the ledamot's party) is the API's to judge.
 */
export function SignInPlace(props: { request: SigningFieldsFragment; onDone: () => void }) {
  const s = useSession();
  const office = s.has('FORBUNDSCHEF', 'ADMIN');
  const [board] = useQuery({
    query: BoardMandatesDocument,
    variables: { orgId: s.org?.id ?? '' },
    pause: !s.org || !office,
  });
  const [ledamot, setLedamot] = useState('');
  const [ersattare, setErsattare] = useState(office ? '' : s.me.id);
  const [reason, setReason] = useState('');
  const [r, run] = useMutation(SignInPlaceOfDocument);
  const waiting = props.request.signers.filter(
    (x) => x.role === 'STYRELSELEDAMOT' && !['SIGNED', 'DECLINED'].includes(x.state),
  );
  const onList = new Set(props.request.signers.map((x) => x.personId));
  const ersattare_ = [
    ...new Map(
      (board.data?.boardMandates ?? [])
        .filter((m) => m.role === 'STYRELSEERSATTARE' && !onList.has(m.personId))
        .map((m) => [m.personId, m]),
    ).values(),
  ];
  if (!waiting.length || (!office && onList.has(s.me.id))) return null;
  return (
    <details>
      <summary>Ersättare skriver under i en ledamots ställe</summary>
      <div className="field-grid">
        <div className="field">
          <label htmlFor="in-place-ledamot">Ledamot</label>
          <select id="in-place-ledamot" value={ledamot} onChange={(e) => setLedamot(e.target.value)}>
            <option value="">Välj ledamot …</option>
            {waiting.map((x) => (
              <option key={x.personId} value={x.personId}>
                {x.name}
              </option>
            ))}
          </select>
        </div>
        {office && (
          <div className="field">
            <label htmlFor="in-place-ersattare">Ersättare</label>
            <select id="in-place-ersattare" value={ersattare} onChange={(e) => setErsattare(e.target.value)}>
              <option value="">Välj ersättare …</option>
              {ersattare_.map((m) => (
                <option key={m.personId} value={m.personId}>
                  {m.name}
                  {m.partyName ? ` (${m.partyName})` : ''}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor="in-place-reason">Skäl till att ersättaren träder in</label>
          <input id="in-place-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
      </div>
      {r.error && <Alert kind="error">{errorMessage(r.error)}</Alert>}
      <button
        type="button"
        className="button"
        disabled={r.fetching || !ledamot || !ersattare}
        onClick={async () => {
          const res = await run({
            requestId: props.request.id,
            ledamotPersonId: ledamot,
            ersattarePersonId: ersattare,
            reason,
          });
          if (res.data) props.onDone();
        }}
      >
        {office ? 'Låt ersättaren skriva under' : 'Skriv under i ledamotens ställe'}
      </button>
    </details>
  );
}
