import { useEffect, useRef } from 'react';
import { Button, Heading } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ContactSummary } from '../../../contract/contacts';
import type { EnrollResult } from '../../../contract/enrollments';
import { formatInteger } from '../../../i18n/format';
import { EnrollmentFlag } from '../../../ui/enrollment-flag';
import { StatusBadge } from '../../../ui/status-badge';

interface EnrollResultsProps {
  results: EnrollResult['results'];
  contacts: ReadonlyMap<string, ContactSummary>;
  onEnrollMore: () => void;
  onClose: () => void;
}

/** What happened to each contact: enrolled, or refused with its code and why. */
export function EnrollResults({ results, contacts, onEnrollMore, onClose }: EnrollResultsProps) {
  const { t } = useTranslation();
  const summaryRef = useRef<HTMLParagraphElement>(null);
  const enrolled = results.filter((r) => r.outcome === 'enrolled').length;

  // The form the focus was in is gone: start the keyboard (and screen reader) at the outcome.
  useEffect(() => summaryRef.current?.focus(), []);

  return (
    <div className="form">
      <Heading slot="title" className="dialog__title">
        {t('enroll.resultsTitle')}
      </Heading>
      <p ref={summaryRef} tabIndex={-1} className="enroll-results__summary">
        {t('enroll.summary', { enrolled: formatInteger(enrolled), refused: formatInteger(results.length - enrolled) })}
      </p>
      <ul className="enroll-results">
        {results.map((r) => {
          const contact = contacts.get(r.contactId);
          return (
            <li key={r.contactId} className="enroll-results__item">
              <div className="enroll-results__who">
                <span className="enroll-results__name">{contact?.name ?? r.contactId}</span>
                {contact ? <span className="cell__secondary">{contact.email}</span> : null}
              </div>
              {r.outcome === 'enrolled' || !r.code ? (
                <StatusBadge tone="success">{t('enroll.enrolled')}</StatusBadge>
              ) : (
                <div className="enroll-results__refusal">
                  <p>
                    <StatusBadge tone="danger">{t('enroll.refused')}</StatusBadge>{' '}
                    <EnrollmentFlag code={r.code} relatedSequence={r.relatedSequence} />
                  </p>
                  <p className="enroll-results__why">{t(`flags.${r.code}.what`)}</p>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      <div className="dialog__actions">
        <Button className="button" onPress={onEnrollMore}>
          {t('enroll.more')}
        </Button>
        <Button className="button button--primary" onPress={onClose}>
          {t('enroll.done')}
        </Button>
      </div>
    </div>
  );
}
