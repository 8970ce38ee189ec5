import './date-range-field.css';
import { parseDate, type CalendarDate } from '@internationalized/date';
import { useId } from 'react';
import { DateField, DateInput, DateSegment, Label } from 'react-aria-components';

export interface DateRange {
  /** Calendar dates, YYYY-MM-DD. */
  from?: string;
  to?: string;
}

export interface DateRangeFieldProps extends DateRange {
  legend: string;
  fromLabel: string;
  toLabel: string;
  /** Read by screen readers after the legend, e.g. that both ends are included. */
  hint: string;
  onChange: (patch: DateRange) => void;
}

const IS_DATE = /^\d{4}-\d{2}-\d{2}$/;

function calendarDate(value: string | undefined): CalendarDate | null {
  if (!value || !IS_DATE.test(value)) return null;
  try {
    return parseDate(value);
  } catch {
    return null;
  }
}

interface EndProps {
  label: string;
  value: string | undefined;
  min?: string;
  max?: string;
  onChange: (value: string | undefined) => void;
}

/** One end of the range: react-aria's date field, whose segments (order, separators, names)
 * follow the app's language through its I18nProvider, not the browser's. */
function DateEnd({ label, value, min, max, onChange }: EndProps) {
  return (
    <DateField
      className="date-field"
      value={calendarDate(value)}
      minValue={calendarDate(min)}
      maxValue={calendarDate(max)}
      granularity="day"
      onChange={(date) => onChange(date ? date.toString() : undefined)}
    >
      <Label className="visually-hidden">{label}</Label>
      <DateInput className="input date-field__input">
        {(segment) => <DateSegment segment={segment} className="date-field__segment" />}
      </DateInput>
    </DateField>
  );
}

/** Two date fields, from and to, each bounded by the other. Only whole dates reach onChange
 * (a field being typed in reports nothing until its date is complete; one emptied clears
 * that end). */
export function DateRangeField({ legend, fromLabel, toLabel, hint, from, to, onChange }: DateRangeFieldProps) {
  const hintId = useId();
  return (
    <fieldset className="field date-range" aria-describedby={hintId}>
      <legend className="field__label">{legend}</legend>
      <div className="date-range__inputs">
        <DateEnd label={fromLabel} value={from} max={to} onChange={(value) => onChange({ from: value })} />
        <span aria-hidden="true">–</span>
        <DateEnd label={toLabel} value={to} min={from} onChange={(value) => onChange({ to: value })} />
      </div>
      <span id={hintId} className="visually-hidden">
        {hint}
      </span>
    </fieldset>
  );
}
