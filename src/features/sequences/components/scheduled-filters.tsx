import { useTranslation } from 'react-i18next';
import type { StepType } from '../../../contract/sequences';
import { oneOf, STEP_TYPES } from '../../../contract/values';
import { LazyDateRangeField } from '../../../ui/lazy-date-range-field';
import { SelectField } from '../../../ui/select-field';
import type { ScheduledFilterInput } from '../enrollments-search';

interface ScheduledFiltersProps {
  value: ScheduledFilterInput;
  onChange: (patch: Partial<ScheduledFilterInput>) => void;
  onClear: () => void;
}

/** Step type and send dates of the Scheduled tab. */
export function ScheduledFilters({ value, onChange, onClear }: ScheduledFiltersProps) {
  const { t } = useTranslation();
  const isFiltered = Boolean(value.type || value.from || value.to);

  return (
    <div className="filters">
      <SelectField
        label={t('scheduled.filters.type')}
        value={value.type ?? ''}
        onChange={(type) => onChange({ type: oneOf(STEP_TYPES, type) })}
      >
        <option value="">{t('scheduled.filters.anyType')}</option>
        {STEP_TYPES.map((type) => (
          <option key={type} value={type}>
            {t(`summary.stepTypes.${type}`)}
          </option>
        ))}
      </SelectField>
      <LazyDateRangeField
        legend={t('scheduled.filters.dates')}
        fromLabel={t('scheduled.filters.from')}
        toLabel={t('scheduled.filters.to')}
        hint={t('scheduled.filters.datesHint')}
        from={value.from}
        to={value.to}
        onChange={onChange}
      />
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
