import { useTranslation } from 'react-i18next';
import type { AttentionFilter, AttentionOverview } from '../../../contract/attention';
import { SelectField } from '../../../ui/select-field';

interface AttentionFiltersProps {
  filter: AttentionFilter;
  choices: AttentionOverview['filters'];
  onChange: (filter: AttentionFilter) => void;
}

/** Sequence, owner and inbox: each offers what has anything to fix, with how much. */
export function AttentionFilters({ filter, choices, onChange }: AttentionFiltersProps) {
  const { t } = useTranslation();
  const set = (field: keyof AttentionFilter, value: string) => onChange({ ...filter, [field]: value || undefined });
  const option = (name: string, count: number) => t('attention.filters.option', { name, count });
  const hasFilter = Object.keys(filter).length > 0;
  return (
    <div className="filters attention-filters" role="group" aria-label={t('attention.filters.label')}>
      <SelectField label={t('attention.filters.sequence')} value={filter.sequenceId ?? ''} onChange={(value) => set('sequenceId', value)}>
        <option value="">{t('attention.filters.allSequences')}</option>
        {choices.sequences.map((s) => (
          <option key={s.id} value={s.id}>
            {option(s.name, s.count)}
          </option>
        ))}
        {filter.sequenceId && !choices.sequences.some((s) => s.id === filter.sequenceId) ? (
          <option value={filter.sequenceId}>{t('attention.filters.nothingHere')}</option>
        ) : null}
      </SelectField>
      <SelectField label={t('attention.filters.owner')} value={filter.enrolledBy ?? ''} onChange={(value) => set('enrolledBy', value)}>
        <option value="">{t('attention.filters.allOwners')}</option>
        {choices.owners.map((u) => (
          <option key={u.id} value={u.id}>
            {option(u.name, u.count)}
          </option>
        ))}
        {filter.enrolledBy && !choices.owners.some((u) => u.id === filter.enrolledBy) ? (
          <option value={filter.enrolledBy}>{t('attention.filters.nothingHere')}</option>
        ) : null}
      </SelectField>
      <SelectField label={t('attention.filters.inbox')} value={filter.inboxId ?? ''} onChange={(value) => set('inboxId', value)}>
        <option value="">{t('attention.filters.allInboxes')}</option>
        {choices.inboxes.map((i) => (
          <option key={i.id} value={i.id}>
            {option(i.address, i.count)}
          </option>
        ))}
        {filter.inboxId && !choices.inboxes.some((i) => i.id === filter.inboxId) ? (
          <option value={filter.inboxId}>{t('attention.filters.nothingHere')}</option>
        ) : null}
      </SelectField>
      {hasFilter ? (
        <button type="button" className="button button--quiet filters__clear" onClick={() => onChange({})}>
          {t('attention.filters.clear')}
        </button>
      ) : null}
    </div>
  );
}
