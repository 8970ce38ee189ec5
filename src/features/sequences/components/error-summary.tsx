import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorFilter } from '../../../contract/enrollments';
import type { SequenceDetail } from '../../../contract/sequences';
import { ERROR_FILTERS, oneOf } from '../../../contract/values';
import { formatInteger } from '../../../i18n/format';
import { isEmailProblem } from '../../../ui/flag-code';

interface ErrorSummaryProps {
  entries: SequenceDetail['errorSummary'];
  selected: ErrorFilter | undefined;
  onSelect: (error: ErrorFilter | undefined) => void;
}

/** Every error present in the sequence with its count; choosing one filters the table to it. */
export function ErrorSummary({ entries, selected, onSelect }: ErrorSummaryProps) {
  const { t } = useTranslation();
  const titleId = useId();
  // The API names the code as a plain string; show only the ones this UI can filter by.
  const known = entries.flatMap((entry) => {
    const code = oneOf(ERROR_FILTERS, entry.code);
    return code ? [{ ...entry, code }] : [];
  });

  return (
    <section className="error-summary" aria-labelledby={titleId}>
      <h2 id={titleId} className="error-summary__title">
        {t('enrollments.errorSummary.title')}
      </h2>
      {known.length === 0 ? (
        <p className="text-muted">{t('enrollments.errorSummary.none')}</p>
      ) : (
        <ul className="error-summary__list">
          {known.map(({ code, count }) => {
            const isSelected = selected === code;
            return (
              <li key={code}>
                <button
                  type="button"
                  className={isEmailProblem(code) ? 'error-chip error-chip--email' : 'error-chip'}
                  aria-pressed={isSelected}
                  onClick={() => onSelect(isSelected ? undefined : code)}
                >
                  {isEmailProblem(code) ? t(`flags.${code}.title`) : <code>{code}</code>}
                  {' · '}
                  <span className="error-chip__count">{formatInteger(count)}</span>
                </button>
              </li>
            );
          })}
          {selected ? (
            <li>
              <button type="button" className="button button--quiet button--small" onClick={() => onSelect(undefined)}>
                {t('enrollments.errorSummary.showAll')}
              </button>
            </li>
          ) : null}
        </ul>
      )}
    </section>
  );
}
