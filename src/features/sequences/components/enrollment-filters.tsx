import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnrollmentFilter } from '../../../contract/enrollments';
import { EMAIL_PROBLEMS, ENROLL_ERROR_CODES, ENROLLMENT_STATUSES, ERROR_FILTERS, oneOf } from '../../../contract/values';
import type { SequenceDetail } from '../../../contract/sequences';
import { LazyDateRangeField } from '../../../ui/lazy-date-range-field';
import { SearchField } from '../../../ui/search-field';
import { SelectField } from '../../../ui/select-field';
import { hasFilter } from '../enrollments-search';

interface EnrollmentFiltersProps {
  filter: EnrollmentFilter;
  enrollers: SequenceDetail['enrollers'];
  onChange: (patch: Partial<EnrollmentFilter>) => void;
  onClear: () => void;
  searchInputRef: Ref<HTMLInputElement>;
}

/** Search and filters of the Enrollments table. Every change goes to the URL. */
export function EnrollmentFilters({ filter, enrollers, onChange, onClear, searchInputRef }: EnrollmentFiltersProps) {
  const { t } = useTranslation();

  return (
    <div className="filters">
      <SearchField
        label={t('enrollments.filters.search')}
        placeholder={t('enrollments.filters.searchPlaceholder')}
        value={filter.q ?? ''}
        onSearch={(q) => onChange({ q: q || undefined })}
        inputRef={searchInputRef}
      />
      <SelectField
        label={t('enrollments.filters.status')}
        value={filter.status ?? ''}
        onChange={(status) => onChange({ status: oneOf(ENROLLMENT_STATUSES, status) })}
      >
        <option value="">{t('enrollments.filters.anyStatus')}</option>
        {ENROLLMENT_STATUSES.map((status) => (
          <option key={status} value={status}>
            {t(`enrollment.status.${status}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('enrollments.filters.error')}
        value={filter.error ?? ''}
        onChange={(error) => onChange({ error: oneOf(ERROR_FILTERS, error) })}
      >
        <option value="">{t('enrollments.filters.anyError')}</option>
        <optgroup label={t('enrollments.filters.enrollErrors')}>
          {ENROLL_ERROR_CODES.map((code) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
        </optgroup>
        <optgroup label={t('enrollments.filters.emailProblems')}>
          {EMAIL_PROBLEMS.map((code) => (
            <option key={code} value={code}>
              {t(`flags.${code}.title`)}
            </option>
          ))}
        </optgroup>
      </SelectField>
      <SelectField
        label={t('enrollments.filters.enrolledBy')}
        value={filter.enrolledBy ?? ''}
        onChange={(enrolledBy) => onChange({ enrolledBy: enrolledBy || undefined })}
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
      </SelectField>
      <LazyDateRangeField
        legend={t('enrollments.filters.enrolledBetween')}
        fromLabel={t('enrollments.filters.from')}
        toLabel={t('enrollments.filters.to')}
        hint={t('enrollments.filters.datesHint')}
        from={filter.from}
        to={filter.to}
        onChange={onChange}
      />
      {hasFilter(filter) ? (
        <button type="button" className="button button--quiet filters__clear" onClick={onClear}>
          {t('enrollments.filters.clear')}
        </button>
      ) : null}
    </div>
  );
}
