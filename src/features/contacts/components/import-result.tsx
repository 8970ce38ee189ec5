import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessageKey } from '../../../api/error-message-key';
import { formatInteger } from '../../../i18n/format';
import type { ImportRun, ImportTotals } from '../use-import-run';

interface ImportResultProps {
  run: Exclude<ImportRun, { state: 'idle' }>;
  /** Rows of the file left out for their problems. */
  skipped: number;
  onRetry: () => void;
  onImportAnother: () => void;
}

/** The import under way (progress), finished (what was created, updated, skipped), or stopped
 * part way (what went in, and a retry of the rest). */
export function ImportResult({ run, skipped, onRetry, onImportAnother }: ImportResultProps) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Finishing or stopping moves the keyboard to the outcome.
  useEffect(() => {
    if (run.state !== 'running') headingRef.current?.focus();
  }, [run.state]);

  if (run.state === 'running') {
    return (
      <div className="import-result">
        <h2 className="import-title">{t('contacts.import.importing')}</h2>
        <div className="import-progress">
          <progress className="import-progress__bar" max={run.total} value={run.done} aria-label={t('contacts.import.progressLabel')} />
          <p role="status">{t('contacts.import.progress', { done: run.done, total: run.total })}</p>
        </div>
      </div>
    );
  }

  const stopped = run.state === 'stopped';
  return (
    <div className="import-result">
      <div role={stopped ? 'alert' : 'status'}>
        <h2 className="import-title" ref={headingRef} tabIndex={-1}>
          {stopped ? t('contacts.import.stoppedTitle') : t('contacts.import.doneTitle')}
        </h2>
        {stopped ? (
          <>
            <p>{t('contacts.import.stoppedBody', { done: run.done, total: run.total, left: run.total - run.done })}</p>
            <p>{t(errorMessageKey(run.error))}</p>
          </>
        ) : null}
      </div>
      <Counts totals={run.totals} skipped={skipped} />
      <div className="import-actions">
        {stopped ? (
          <button type="button" className="button button--primary" onClick={onRetry}>
            {t('contacts.import.retryRest')}
          </button>
        ) : (
          <Link to="/contacts" className="button button--primary">
            {t('contacts.import.viewContacts')}
          </Link>
        )}
        <button type="button" className="button" onClick={onImportAnother}>
          {t('contacts.import.importAnother')}
        </button>
      </div>
    </div>
  );
}

function Counts({ totals, skipped }: { totals: ImportTotals; skipped: number }) {
  const { t } = useTranslation();
  const items = [
    ['created', totals.created],
    ['updated', totals.updated],
    ['unchanged', totals.unchanged],
    ['skipped', skipped],
  ] as const;
  return (
    <dl className="import-counts">
      {items.map(([key, value]) => (
        <div key={key}>
          <dt>{t(`contacts.import.result.${key}`)}</dt>
          <dd>{formatInteger(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
