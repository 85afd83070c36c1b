import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import QRCode from 'qrcode';
import { graphql } from '../../gql';
import { useSession } from '../../session';
import { errorMessage, formatPartOf, yearsAround } from '../../format';
import { Alert, Loading, StatusBadge } from '../../components/ui';
import { ActionTable } from '../../components/action-table';
import { MySurveys } from './my-surveys';
import { SurveyResults } from './survey-results';

const RoundsDocument = graphql(`
  query SurveyRounds($slug: String!, $orgId: ID!, $year: Int!) {
    organisation(slug: $slug) {
      id
      insatser {
        id
        name
      }
    }
    surveyCollections(organisationId: $orgId, year: $year) {
      id
      survey
      surveyLabel
      insatsName
      mode
      linkId
      status
      asked
      answered
      version
    }
  }
`);

const OpenDocument = graphql(`
  mutation OpenSurveyCollection($orgId: ID!, $year: Int!, $survey: String!, $insatsId: ID, $codes: Int) {
    openSurveyCollection(
      organisationId: $orgId
      year: $year
      survey: $survey
      insatsId: $insatsId
      codes: $codes
    ) {
      codes
      collection {
        id
        linkId
        surveyLabel
        insatsName
      }
    }
  }
`);

const CloseDocument = graphql(`
  mutation CloseSurveyCollection($id: ID!, $version: Int!) {
    closeSurveyCollection(id: $id, version: $version) {
      id
      status
    }
  }
`);

const GROUPS: Array<{ value: string; label: string; codes: boolean }> = [
  { value: 'DELTAGARE_PAGAENDE', label: 'Deltagare (pågående insats)', codes: true },
  { value: 'DELTAGARE_AVSLUT', label: 'Deltagare (vid avslut)', codes: true },
  { value: 'PERSONAL', label: 'Insatspersonal', codes: true },
  { value: 'STYRELSE', label: 'Styrelse (svarar inloggade)', codes: false },
  { value: 'BEREDNINGSGRUPP', label: 'Beredningsgrupp (svarar inloggade)', codes: false },
];

const linkOf = (linkId: string) => `${location.origin}/enkat/${linkId}`;

/** NNS indikatorenkät: the kansli opens rounds, hands out codes, follows the answers and sees the results. */
export function SurveysPage() {
  const s = useSession();
  const kansli = s.has('FORBUNDSCHEF', 'ADMIN');
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [q, refetch] = useQuery({
    query: RoundsDocument,
    variables: { slug: s.org?.slug ?? '', orgId: s.org?.id ?? '', year },
    pause: !s.org || !kansli,
  });
  const [survey, setSurvey] = useState('DELTAGARE_AVSLUT');
  const [insatsId, setInsatsId] = useState('');
  const [codes, setCodes] = useState('20');
  const [opened, setOpened] = useState<{ codes: string[]; link: string; title: string; qr: string } | null>(
    null,
  );
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [, open] = useMutation(OpenDocument);
  const [, close] = useMutation(CloseDocument);
  useEffect(() => {
    document.title = 'Enkäter – Samordningsplattformen';
  }, []);
  const group = GROUPS.find((g) => g.value === survey);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setMessage(null);
    const r = await open({
      orgId: s.org?.id ?? '',
      year,
      survey,
      insatsId: group?.codes && insatsId ? insatsId : null,
      codes: group?.codes ? Number(codes) : null,
    });
    if (r.error || !r.data) return setMessage({ kind: 'error', text: errorMessage(r.error) });
    const c = r.data.openSurveyCollection;
    const link = linkOf(c.collection.linkId);
    setOpened({
      codes: c.codes,
      link,
      title: `${c.collection.surveyLabel}${c.collection.insatsName ? `, ${c.collection.insatsName}` : ''}`,
      qr: c.codes.length ? await QRCode.toDataURL(link, { margin: 1, width: 200 }) : '',
    });
    setMessage({ kind: 'success', text: 'Enkätomgången är öppnad.' });
    refetch({ requestPolicy: 'network-only' });
  }

  async function closeRound(id: string, version: number) {
    if (!window.confirm('Stänga enkätomgången? Inga fler svar tas emot efter det.')) return;
    const r = await close({ id, version });
    setMessage(
      r.error
        ? { kind: 'error', text: errorMessage(r.error) }
        : { kind: 'success', text: 'Enkätomgången är stängd.' },
    );
    refetch({ requestPolicy: 'network-only' });
  }

  return (
    <>
      <h1>NNS indikatorenkät</h1>
      <MySurveys />
      {kansli && (
        <>
          <div className="field" style={{ maxWidth: '12rem' }}>
            <label htmlFor="survey-year">År</label>
            <select id="survey-year" value={year} onChange={(e) => setYear(Number(e.target.value))}>
              {yearsAround(thisYear).map((y) => (
                <option key={y}>{y}</option>
              ))}
            </select>
          </div>
          {message && <Alert kind={message.kind}>{message.text}</Alert>}
          <section className="card">
            <h2>Öppna en enkätomgång</h2>
            <form onSubmit={submit} className="field-grid">
              <div className="field">
                <label htmlFor="survey-group">Vem svarar</label>
                <select id="survey-group" value={survey} onChange={(e) => setSurvey(e.target.value)}>
                  {GROUPS.map((g) => (
                    <option key={g.value} value={g.value}>
                      {g.label}
                    </option>
                  ))}
                </select>
              </div>
              {group?.codes && (
                <>
                  <div className="field">
                    <label htmlFor="survey-insats">Insats</label>
                    <select id="survey-insats" value={insatsId} onChange={(e) => setInsatsId(e.target.value)}>
                      <option value="">Hela förbundet</option>
                      {q.data?.organisation?.insatser.map((i) => (
                        <option key={i.id} value={i.id}>
                          {i.name}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div className="field">
                    <label htmlFor="survey-codes-count">Antal engångskoder</label>
                    <input
                      id="survey-codes-count"
                      inputMode="numeric"
                      value={codes}
                      onChange={(e) => setCodes(e.target.value)}
                    />
                  </div>
                </>
              )}
              <div className="button-row">
                <button className="button" type="submit">
                  Öppna omgången
                </button>
              </div>
            </form>
          </section>
          {opened && (
            <section className="card" aria-label="Länk och koder">
              <h2>{opened.title}</h2>
              <p>
                Länk: <a href={opened.link}>{opened.link}</a>
              </p>
              {opened.qr && (
                <img src={opened.qr} alt={`QR-kod till enkäten: ${opened.link}`} width={200} height={200} />
              )}
              {opened.codes.length > 0 && (
                <>
                  <p>Skriv ut och dela ut en kod per deltagare. Koderna visas bara nu.</p>
                  <ol className="survey-codes">
                    {opened.codes.map((c) => (
                      <li key={c}>{c}</li>
                    ))}
                  </ol>
                </>
              )}
            </section>
          )}
          <section>
            <h2>Omgångar {year}</h2>
            {q.fetching && !q.data && <Loading what="enkätomgångarna" />}
            {q.error && <Alert kind="error">{errorMessage(q.error)}</Alert>}
            {q.data && q.data.surveyCollections.length === 0 && (
              <p className="muted">Inga omgångar öppnade {year}.</p>
            )}
            {q.data && q.data.surveyCollections.length > 0 && (
              <ActionTable columns={['Grupp', 'Status', 'Svar', 'Länk']} wrap>
                {q.data.surveyCollections.map((c) => (
                  <tr key={c.id}>
                    <td>
                      {c.surveyLabel}
                      {c.insatsName ? `, ${c.insatsName}` : ''}
                    </td>
                    <td>
                      <StatusBadge status={c.status} label={c.status === 'OPEN' ? 'Öppen' : 'Stängd'} />
                    </td>
                    <td>
                      {c.answered} av {c.asked}
                      {c.asked > 0 && ` (${formatPartOf(c.answered, c.asked)})`}
                    </td>
                    <td>
                      {c.mode === 'CODES' ? <a href={linkOf(c.linkId)}>Öppna enkäten</a> : 'Inloggade svarar'}
                    </td>
                    <td>
                      {c.status === 'OPEN' && (
                        <button
                          type="button"
                          className="button-link"
                          onClick={() => closeRound(c.id, c.version)}
                        >
                          Stäng
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </ActionTable>
            )}
          </section>
          <SurveyResults year={year} />
        </>
      )}
    </>
  );
}
