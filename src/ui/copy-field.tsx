import './copy-field.css';
import { useEffect, useId, useRef, useState } from 'react';

export interface CopyFieldProps {
  label: string;
  value: string;
  copyLabel: string;
  /** Said once the value is on the clipboard. */
  copiedLabel: string;
  /** Said when the browser refused the clipboard: the user can still select and copy. */
  copyFailedLabel: string;
  /** What the field is for, under it (e.g. "shown once"). */
  description?: string;
  /** Focus and select the value when the field appears, so Ctrl+C copies it at once. */
  autoSelect?: boolean;
}

/**
 * A secret or link shown for copying: a read-only field (selectable by keyboard and pointer)
 * with a Copy button whose outcome is announced.
 */
export function CopyField({ label, value, copyLabel, copiedLabel, copyFailedLabel, description, autoSelect = false }: CopyFieldProps) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [outcome, setOutcome] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (!autoSelect) return;
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [autoSelect]);

  const copy = async () => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(value);
      setOutcome('copied');
    } catch {
      setOutcome('failed');
      inputRef.current?.focus();
      inputRef.current?.select();
    }
  };

  return (
    <div className="field copy-field">
      <label htmlFor={`${id}-value`} className="field__label">
        {label}
      </label>
      <div className="copy-field__row">
        <input
          ref={inputRef}
          id={`${id}-value`}
          className="input copy-field__value"
          readOnly
          value={value}
          spellCheck={false}
          aria-describedby={description ? `${id}-description` : undefined}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" className="button" onClick={() => void copy()}>
          {copyLabel}
        </button>
      </div>
      {description ? (
        <p id={`${id}-description`} className="copy-field__description">
          {description}
        </p>
      ) : null}
      <p className="copy-field__status" role="status">
        {outcome === 'copied' ? copiedLabel : outcome === 'failed' ? copyFailedLabel : ''}
      </p>
    </div>
  );
}
