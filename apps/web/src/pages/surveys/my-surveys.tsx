import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import { errorMessage } from '../../format';
import { Alert } from '../../components/ui';
import { SurveyQuestions, toAnswerList, type FormQuestion } from './survey-questions';

const MineDocument = graphql(`
  query MySurveyForms {
    mySurveyForms {
      collectionId
      organisationName
      surveyLabel
      year
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
  mutation AnswerSurveySignedIn($collectionId: ID!, $answers: JSON!) {
    answerSurveySignedIn(collectionId: $collectionId, answers: $answers)
  }
`);

/** The board's and the beredningsgrupp's open surveys: answered signed in, once, never shown beside the name. */
export function MySurveys() {
  const [q, refetch] = useQuery({ query: MineDocument });
  const [thanks, setThanks] = useState(false);
  const forms = q.data?.mySurveyForms ?? [];
  if (!forms.length && !thanks) return null;
  return (
    <section>
      <h2>Väntar på ditt svar</h2>
      {thanks && <Alert kind="success">Tack! Ditt svar är sparat och räknas ihop med de andras.</Alert>}
      {forms.map((f) => (
        <SignedInForm
          key={f.collectionId}
          collectionId={f.collectionId}
          title={`${f.surveyLabel} ${f.year} · ${f.organisationName}`}
          questions={f.questions}
          onDone={() => {
            setThanks(true);
            refetch({ requestPolicy: 'network-only' });
          }}
        />
      ))}
    </section>
  );
}

function SignedInForm(props: {
  collectionId: string;
  title: string;
  questions: FormQuestion[];
  onDone: () => void;
}) {
  const [answers, setAnswers] = useState<Record<number, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [{ fetching }, answer] = useMutation(AnswerDocument);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!Object.keys(answers).length) return setError('Svara på minst en fråga innan du skickar.');
    const r = await answer({ collectionId: props.collectionId, answers: toAnswerList(answers) });
    if (r.error) setError(errorMessage(r.error));
    else props.onDone();
  }
  return (
    <form className="card" onSubmit={submit} noValidate>
      <h3>{props.title}</h3>
      <p className="muted">Ditt namn visas aldrig vid svaren; bara antalet svar av varje slag sparas.</p>
      <SurveyQuestions
        questions={props.questions}
        answers={answers}
        onChange={(n, o) => setAnswers((a) => ({ ...a, [n]: o }))}
      />
      {error && <Alert kind="error">{error}</Alert>}
      <button type="submit" className="button" disabled={fetching}>
        Skicka mitt svar
      </button>
    </form>
  );
}
