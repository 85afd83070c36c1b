import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { useSession } from '../../session';
import { errorMessage } from '../../format';
import { Alert } from '../../components/ui';

const ResultsDocument = graphql(`
  query SurveyResults($orgId: ID!, $year: Int!) {
    surveyRound(organisationId: $orgId, year: $year) {
      source
      minGroupSize
      collected {
        survey
        asked
        answered
      }
      indicators {
        indicator
        survey
        question
        questionText
        respondents
        percent
        suppressed
      }
    }
  }
`);

const GROUP: Record<string, string> = {
  DELTAGARE_PAGAENDE: 'Deltagare (pågående)',
  DELTAGARE_AVSLUT: 'Deltagare (avslut)',
  PERSONAL: 'Insatspersonal',
  STYRELSE: 'Styrelse',
  BEREDNINGSGRUPP: 'Beredningsgrupp',
};
const NBSP = '\u00a0';

/** The year's results: the positive share of each indicator question, from the counts. */
export function SurveyResults(props: { year: number }) {
  const s = useSession();
  const [q] = useQuery({
    query: ResultsDocument,
    variables: { orgId: s.org?.id ?? '', year: props.year },
    pause: !s.org,
  });
  const r = q.data?.surveyRound;
  return (
    <section>
      <h2>Resultat {props.year}</h2>
      {q.error && <Alert kind="error">{errorMessage(q.error)}</Alert>}
      {q.data && !r && <p className="muted">Inga svar {props.year} ännu.</p>}
      {r && (
        <>
          <p className="muted">
            Andelen positiva svar räknas ur antalen. Grupper med färre än {r.minGroupSize} svar redovisas
            inte, för att skydda dem som svarat.
          </p>
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">Indikatorer {props.year}</caption>
              <thead>
                <tr>
                  <th scope="col">Indikator</th>
                  <th scope="col">Grupp</th>
                  <th scope="col">Fråga</th>
                  <th scope="col">Svar</th>
                  <th scope="col">Andel positiva</th>
                </tr>
              </thead>
              <tbody>
                {r.indicators.map((i) => (
                  <tr key={`${i.survey}-${i.question}`}>
                    <td>{i.indicator}</td>
                    <td>{GROUP[i.survey] ?? i.survey}</td>
                    <td>{i.questionText}</td>
                    <td>{i.respondents}</td>
                    <td>{i.suppressed || i.percent === null ? 'För få svar' : `${i.percent}${NBSP}%`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
