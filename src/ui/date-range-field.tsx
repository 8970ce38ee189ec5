import { useId } from 'react';

export interface DateRange {
  /** Calendar dates, YYYY-MM-DD. */
  from?: string;
  to?: string;
}

interface DateRangeFieldProps extends DateRange {
  legend: string;
  fromLabel: string;
  toLabel: string;
  /** Read by screen readers after the legend, e.g. that both ends are included. */
  hint: string;
  onChange: (patch: DateRange) => void;
}

const IS_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Two date inputs, from and to, each bounded by the other. A date input reports '' until its
 * date is complete: only whole dates reach onChange (an incomplete one clears that end). */
export function DateRangeField({ legend, fromLabel, toLabel, hint, from, to, onChange }: DateRangeFieldProps) {
  const ids = { from: useId(), to: useId(), hint: useId() };
  const date = (value: string) => (IS_DATE.test(value) ? value : undefined);
  return (
    <fieldset className="field date-range" aria-describedby={ids.hint}>
      <legend className="field__label">{legend}</legend>
      <div className="date-range__inputs">
        <label htmlFor={ids.from} className="visually-hidden">
          {fromLabel}
        </label>
        <input
          id={ids.from}
          type="date"
          className="input"
          value={from ?? ''}
          max={to}
          onChange={(e) => onChange({ from: date(e.target.value) })}
        />
        <span aria-hidden="true">–</span>
        <label htmlFor={ids.to} className="visually-hidden">
          {toLabel}
        </label>
        <input
          id={ids.to}
          type="date"
          className="input"
          value={to ?? ''}
          min={from}
          onChange={(e) => onChange({ to: date(e.target.value) })}
        />
      </div>
      <span id={ids.hint} className="visually-hidden">
        {hint}
      </span>
    </fieldset>
  );
}
