import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { StepType } from '../../../contract/sequences';
import type { ScheduledFilterInput } from '../enrollments-search';


interface ScheduledFiltersProps {
  value: ScheduledFilterInput;
  onChange: (patch: Partial<ScheduledFilterInput>) => void;
  onClear: () => void;
}

const IS_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Step type and send dates of the Scheduled tab. */
export function ScheduledFilters({ value, onChange, onClear }: ScheduledFiltersProps) {
  const { t } = useTranslation();
  const ids = { type: useId(), from: useId(), to: useId(), hint: useId() };
  // A date input reports '' until its date is complete: only whole dates filter.
  const date = (input: string) => (IS_DATE.test(input) ? input : undefined);
  const isFiltered = Boolean(value.type || value.from || value.to);

  return (
    <div className="filters">
      <div className="field">
        <label htmlFor={ids.type} className="field__label">
          {t('scheduled.filters.type')}
        </label>
        <select
          id={ids.type}
          className="select"
          value={value.type ?? ''}
          onChange={(e) => onChange({ type: StepType.safeParse(e.target.value).data })}
        >
          <option value="">{t('scheduled.filters.anyType')}</option>
          {StepType.options.map((type) => (
            <option key={type} value={type}>
              {t(`summary.stepTypes.${type}`)}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="field date-range" aria-describedby={ids.hint}>
        <legend className="field__label">{t('scheduled.filters.dates')}</legend>
        <div className="date-range__inputs">
          <label htmlFor={ids.from} className="visually-hidden">
            {t('scheduled.filters.from')}
          </label>
          <input
            id={ids.from}
            type="date"
            className="input"
            value={value.from ?? ''}
            max={value.to}
            onChange={(e) => onChange({ from: date(e.target.value) })}
          />
          <span aria-hidden="true">–</span>
          <label htmlFor={ids.to} className="visually-hidden">
            {t('scheduled.filters.to')}
          </label>
          <input
            id={ids.to}
            type="date"
            className="input"
            value={value.to ?? ''}
            min={value.from}
            onChange={(e) => onChange({ to: date(e.target.value) })}
          />
        </div>
        <span id={ids.hint} className="visually-hidden">
          {t('scheduled.filters.datesHint')}
        </span>
      </fieldset>
      {isFiltered ? (
        <button type="button" className="button button--quiet filters__clear" onClick={onClear}>
          {t('scheduled.filters.clear')}
        </button>
      ) : null}
    </div>
  );
}

/** The filter as the API takes it: local days turned into instants (from midnight, to the next midnight). */
export function toScheduledQuery(input: ScheduledFilterInput): { type?: StepType; from?: string; to?: string } {
  const query: { type?: StepType; from?: string; to?: string } = {};
  if (input.type) query.type = input.type;
  if (input.from) query.from = localMidnight(input.from, 0);
  if (input.to) query.to = localMidnight(input.to, 1);
  return query;
}

function localMidnight(isoDate: string, addDays: number): string {
  const [y = 0, m = 1, d = 1] = isoDate.split('-').map(Number);
  return new Date(y, m - 1, d + addDays).toISOString();
}
