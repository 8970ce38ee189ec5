import { useId, type ComponentPropsWithRef } from 'react';

type InputProps = Omit<
  ComponentPropsWithRef<'input'>,
  'id' | 'className' | 'value' | 'onChange' | 'aria-invalid' | 'aria-describedby' | 'children'
>;

interface TextFieldProps extends InputProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** A standing note under the field (a rule, what the value is for), part of its description. */
  hint?: string;
  hintClassName?: string;
  /** What is wrong with the value, translated: shown under the field, which is marked invalid. */
  error?: string | null;
  /** Describe the field by its error first, then the hint (the default is the hint first). */
  errorBeforeHint?: boolean;
}

/**
 * A labelled text input of a form that checks its own values (`noValidate`): the hint and the
 * error under it are its description, and an error marks it invalid. The caller moves the
 * focus to the first invalid field (pass `ref`); other input attributes go to the input.
 */
export function TextField({ label, value, onChange, hint, hintClassName, error, errorBeforeHint = false, ...input }: TextFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = (errorBeforeHint ? [errorId, hintId] : [hintId, errorId]).filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <input
        {...input}
        id={id}
        className="input"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      {hint ? (
        <p id={hintId} className={hintClassName}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
