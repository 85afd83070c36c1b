import { useEffect, useState } from 'react';
import { formatAmount, parseAmount } from '../../format';

/**
 * An amount typed the Swedish way ("2 579 000"), kept exact as a decimal string. Shows a message beside the
 * field until what is typed is an amount; the plan is not saved with it.
 */
export function AmountInput(props: {
  id: string;
  label: string;
  value: string | undefined;
  onChange: (value: string | null) => void;
  hideLabel?: boolean;
}) {
  const [text, setText] = useState(props.value ? formatAmount(props.value) : '');
  const [bad, setBad] = useState(false);
  useEffect(() => {
    if (props.value !== undefined && parseAmount(text) !== props.value) setText(formatAmount(props.value));
    // Only when the value changes from outside (a reload), not while typing.
  }, [props.value]);
  return (
    <span className="amount-input">
      <label htmlFor={props.id} className={props.hideLabel ? 'visually-hidden' : undefined}>
        {props.label}
      </label>
      <input
        id={props.id}
        inputMode="decimal"
        value={text}
        aria-invalid={bad || undefined}
        aria-describedby={bad ? `${props.id}-error` : undefined}
        onChange={(e) => {
          setText(e.target.value);
          const v = e.target.value.trim() === '' ? '0' : parseAmount(e.target.value);
          setBad(v === null || v.startsWith('-'));
          props.onChange(v === null || v.startsWith('-') ? null : v);
        }}
        onBlur={() => !bad && text.trim() !== '' && setText(formatAmount(parseAmount(text) ?? text))}
      />
      {bad && (
        <span id={`${props.id}-error`} className="field-error">
          Skriv ett belopp i kronor, t.ex. 1 200 000
        </span>
      )}
    </span>
  );
}
