import { useEffect, useState, type FormEvent } from 'react';
import { useParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import { errorMessage } from '../../format';
import { Alert, Loading } from '../../components/ui';
import { SurveyQuestions, toAnswerList } from './survey-questions';

const FormDocument = graphql(`
  query SurveyForm($linkId: String!) {
    surveyForm(linkId: $linkId) {
      organisationName
      insatsName
      surveyLabel
      year
      open
      withCode
      questions {
        number
        text
        options {
          option
          label
        }
      }
    }
  }
`);

const AnswerDocument = graphql(`
  mutation AnswerSurvey($linkId: String!, $code: String!, $answers: JSON!) {
    answerSurvey(linkId: $linkId, code: $code, answers: $answers)
  }
`);

/**
 * The participant's page behind the anonymous link, made for a phone: no login, a one-time code from the
 * insats' staff, the questions in plain words, and a thank-you. Nothing about the person is sent or kept.
 */
export function SurveyAnswerPage() {
  const { linkId = '' } = useParams();
  const [q] = useQuery({ query: FormDocument, variables: { linkId } });
  const [{ fetching }, answer] = useMutation(AnswerDocument);
  const [code, setCode] = useState('');
  const [answers, setAnswers] = useState<Record<number, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const form = q.data?.surveyForm;
  useEffect(() => {
    document.title = 'Enkät – Samordningsplattformen';
  }, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (!code.trim()) return setError('Skriv in koden du fått av personalen.');
    if (!Object.keys(answers).length) return setError('Svara på minst en fråga innan du skickar.');
    const r = await answer({ linkId, code, answers: toAnswerList(answers) });
    if (r.error) setError(errorMessage(r.error));
    else setDone(true);
  }

  return (
    <main id="main" className="survey-page">
      {q.fetching && !form && <Loading what="enkäten" />}
      {q.error && <Alert kind="error">{errorMessage(q.error)}</Alert>}
      {form && done && (
        <div className="card">
          <h1>Tack för dina svar!</h1>
          <p>Dina svar är sparade. De räknas ihop med andras och kan inte kopplas till dig.</p>
        </div>
      )}
      {form && !done && (
        <form className="card" onSubmit={submit} noValidate>
          <h1>Vad tycker du?</h1>
          <p>
            {form.organisationName}
            {form.insatsName ? ` · ${form.insatsName}` : ''} · {form.surveyLabel} {form.year}
          </p>
          <p className="muted">
            Enkäten är anonym. Vi sparar inte vem du är, bara hur många som svarat på varje sätt. Hoppa över
            en fråga om du inte vill svara.
          </p>
          {!form.open && <Alert kind="info">Enkäten är stängd och tar inte emot fler svar.</Alert>}
          {form.open && (
            <>
              <div className="field">
                <label htmlFor="survey-code">Din kod</label>
                <input
                  id="survey-code"
                  name="code"
                  autoComplete="off"
                  autoCapitalize="characters"
                  inputMode="text"
                  value={code}
                  onChange={(e) => setCode(e.target.value)}
                  aria-describedby="survey-code-hint"
                />
                <p id="survey-code-hint" className="hint">
                  Koden står på lappen du fått, till exempel ABCD-EFGH. Den kan bara användas en gång.
                </p>
              </div>
              <SurveyQuestions
                questions={form.questions}
                answers={answers}
                onChange={(n, o) => setAnswers((a) => ({ ...a, [n]: o }))}
              />
              {error && <Alert kind="error">{error}</Alert>}
              <button type="submit" className="button" disabled={fetching}>
                {fetching ? 'Skickar …' : 'Skicka mina svar'}
              </button>
            </>
          )}
        </form>
      )}
    </main>
  );
}
