import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessageKey } from '../../../api/error-message-key';
import { Industry } from '../../../contract/email-health';
import { SelectField } from '../../../ui/select-field';
import { Spinner } from '../../../ui/spinner';
import { accountQuery } from '../api/get-account';
import { useUpdateIndustry } from '../api/update-industry';

/** An admin sets the account's industry: it picks the probation thresholds and the benchmark. */
export function IndustryForm({ current }: { current: Industry }) {
  const { t } = useTranslation();
  const account = useQuery(accountQuery());
  const update = useUpdateIndustry();
  const [draft, setDraft] = useState<Industry>(current);
  const [saved, setSaved] = useState<Industry | null>(null);

  if (account.isPending) return <Spinner label={t('health.benchmark.loadingIndustries')} />;
  if (account.isError) {
    return (
      <div className="alert alert--error industry-form__error" role="alert">
        {t('health.benchmark.industriesFailed')}{' '}
        <button type="button" className="button button--small" onClick={() => void account.refetch()}>
          {t('common.tryAgain')}
        </button>
      </div>
    );
  }

  return (
    <form
      className="industry-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (update.isPending) return;
        setSaved(null);
        update.mutate(draft, { onSuccess: (result) => setSaved(result.industry) });
      }}
    >
      <SelectField
        label={t('health.benchmark.industryLabel')}
        value={draft}
        onChange={(value) => {
          const next = Industry.safeParse(value);
          if (next.success) setDraft(next.data);
        }}
      >
        {account.data.industries.map((option) => (
          <option key={option.industry} value={option.industry}>
            {option.benchmarkSource === 'industry' || option.industry === 'other'
              ? t(`health.industries.${option.industry}`)
              : t('health.benchmark.optionGeneral', { industry: t(`health.industries.${option.industry}`) })}
          </option>
        ))}
      </SelectField>
      <button type="submit" className="button" aria-disabled={update.isPending || undefined}>
        {update.isPending ? t('health.benchmark.saving') : t('health.benchmark.save')}
      </button>
      <p className="industry-form__status" role="status">
        {saved ? t('health.benchmark.saved', { industry: t(`health.industries.${saved}`) }) : ''}
      </p>
      {update.isError ? (
        <p className="alert alert--error industry-form__error" role="alert">
          {t('health.benchmark.saveFailed')} {t(errorMessageKey(update.error))}
        </p>
      ) : null}
    </form>
  );
}
