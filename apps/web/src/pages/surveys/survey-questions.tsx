/** The questions of one NNS survey as radio groups; shared by the anonymous and the signed-in form. */
export interface FormQuestion {
  number: number;
  text: string;
  options: Array<{ option: string; label: string }>;
}

export function SurveyQuestions(props: {
  questions: FormQuestion[];
  answers: Record<number, string>;
  onChange: (question: number, option: string) => void;
}) {
  return (
    <>
      {props.questions.map((q, i) => (
        <fieldset key={q.number} className="survey-question">
          <legend>
            <span className="muted">
              Fråga {i + 1} av {props.questions.length}
            </span>
            <br />
            {q.text}
          </legend>
          <div className="survey-options">
            {q.options.map((o) => (
              <label key={o.option} className="radio survey-option">
                <input
                  type="radio"
                  name={`q${q.number}`}
                  value={o.option}
                  checked={props.answers[q.number] === o.option}
                  onChange={() => props.onChange(q.number, o.option)}
                />{' '}
                {o.label}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
    </>
  );
}

export const toAnswerList = (answers: Record<number, string>) =>
  Object.entries(answers).map(([question, option]) => ({ question: Number(question), option }));
