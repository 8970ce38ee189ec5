import { useId, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { EmailProblem, EnrollErrorCode, EnrollmentStatus } from '../../../contract/codes';
import type { EnrollmentFilter } from '../../../contract/enrollments';
import { ErrorFilter } from '../../../contract/enrollments';
import type { SequenceDetail } from '../../../contract/sequences';
import { SearchField } from '../../../ui/search-field';
import { hasFilter } from '../enrollments-search';

interface EnrollmentFiltersProps {
  filter: EnrollmentFilter;
  enrollers: SequenceDetail['enrollers'];
  onChange: (patch: Partial<EnrollmentFilter>) => void;
  onClear: () => void;
  searchInputRef: Ref<HTMLInputElement>;
}

const IS_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Search and filters of the Enrollments table. Every change goes to the URL. */
export function EnrollmentFilters({ filter, enrollers, onChange, onClear, searchInputRef }: EnrollmentFiltersProps) {
  const { t } = useTranslation();
  const ids = { status: useId(), error: useId(), enrolledBy: useId(), from: useId(), to: useId(), dates: useId() };
  // A date input reports '' until its date is complete: only whole dates filter.
  const date = (value: string) => (IS_DATE.test(value) ? value : undefined);

  return (
    <div className="filters">
      <SearchField
        label={t('enrollments.filters.search')}
        placeholder={t('enrollments.filters.searchPlaceholder')}
        value={filter.q ?? ''}
        onSearch={(q) => onChange({ q: q || undefined })}
        inputRef={searchInputRef}
      />
      <div className="field">
        <label htmlFor={ids.status} className="field__label">
          {t('enrollments.filters.status')}
        </label>
        <select
          id={ids.status}
          className="select"
          value={filter.status ?? ''}
          onChange={(e) => onChange({ status: EnrollmentStatus.safeParse(e.target.value).data })}
        >
          <option value="">{t('enrollments.filters.anyStatus')}</option>
          {EnrollmentStatus.options.map((status) => (
            <option key={status} value={status}>
              {t(`enrollment.status.${status}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.error} className="field__label">
          {t('enrollments.filters.error')}
        </label>
        <select
          id={ids.error}
          className="select"
          value={filter.error ?? ''}
          onChange={(e) => onChange({ error: ErrorFilter.safeParse(e.target.value).data })}
        >
          <option value="">{t('enrollments.filters.anyError')}</option>
          <optgroup label={t('enrollments.filters.enrollErrors')}>
            {EnrollErrorCode.options.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('enrollments.filters.emailProblems')}>
            {EmailProblem.options.map((code) => (
              <option key={code} value={code}>
                {t(`flags.${code}.title`)}
              </option>
            ))}
          </optgroup>
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.enrolledBy} className="field__label">
          {t('enrollments.filters.enrolledBy')}
        </label>
        <select
          id={ids.enrolledBy}
          className="select"
          value={filter.enrolledBy ?? ''}
          onChange={(e) => onChange({ enrolledBy: e.target.value || undefined })}
        >
          <option value="">{t('enrollments.filters.anyone')}</option>
          {enrollers.map((user) => (
            <option key={user.id} value={user.id}>
              {user.name}
            </option>
          ))}
          {/* A link may name someone who has no enrollments here (any more): keep the choice visible. */}
          {filter.enrolledBy && !enrollers.some((u) => u.id === filter.enrolledBy) ? (
            <option value={filter.enrolledBy}>{t('enrollments.filters.unknownUser')}</option>
          ) : null}
        </select>
      </div>
      <fieldset className="field date-range" aria-describedby={ids.dates}>
        <legend className="field__label">{t('enrollments.filters.enrolledBetween')}</legend>
        <div className="date-range__inputs">
          <label htmlFor={ids.from} className="visually-hidden">
            {t('enrollments.filters.from')}
          </label>
          <input
            id={ids.from}
            type="date"
            className="input"
            value={filter.from ?? ''}
            max={filter.to}
            onChange={(e) => onChange({ from: date(e.target.value) })}
          />
          <span aria-hidden="true">–</span>
          <label htmlFor={ids.to} className="visually-hidden">
            {t('enrollments.filters.to')}
          </label>
          <input
            id={ids.to}
            type="date"
            className="input"
            value={filter.to ?? ''}
            min={filter.from}
            onChange={(e) => onChange({ to: date(e.target.value) })}
          />
        </div>
        <span id={ids.dates} className="visually-hidden">
          {t('enrollments.filters.datesHint')}
        </span>
      </fieldset>
      {hasFilter(filter) ? (
        <button type="button" className="button button--quiet filters__clear" onClick={onClear}>
          {t('enrollments.filters.clear')}
        </button>
      ) : null}
    </div>
  );
}
