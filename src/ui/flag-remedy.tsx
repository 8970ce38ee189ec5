import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessageKey } from '../api/error-message-key';
import { INBOX_SETTINGS_PATH, remedyOf, type FlagCode } from './flag-code';

export interface FlagRemedyProps {
  code: FlagCode;
  /** ALREADY_ENROLLED: the sequence the contact is in. */
  relatedSequence?: { id: string; name: string } | null;
  /** Where a re-enroll would restart; null when the problem does not allow one now. */
  reenrollStep?: number | null;
  /** Re-enrolls at `step`. Absent when the user may not change enrollments. */
  onReenroll?: (step: number) => Promise<unknown>;
}

/** The one-click remedy of a flag, where one exists: re-enroll at the right step, reconnect
 * the inbox, or open the sequence the contact is already in. */
export function FlagRemedy({ code, relatedSequence = null, reenrollStep = null, onReenroll }: FlagRemedyProps) {
  const { t } = useTranslation();
  const reasonId = useId();
  const [isPending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const remedy = remedyOf(code);

  const reconnectLink = (
    <p className="flag-remedy__link">
      <Link to={INBOX_SETTINGS_PATH}>{t('flags.remedy.reconnect')}</Link>{' '}
      <span className="text-muted">{t('flags.remedy.reconnectHint')}</span>
    </p>
  );

  if (remedy === 'reconnect-inbox') return <div className="flag-remedy">{reconnectLink}</div>;

  if (remedy === 'open-other-sequence') {
    if (!relatedSequence) return null;
    return (
      <div className="flag-remedy">
        <p className="flag-remedy__link">
          <Link to={`/sequences/${encodeURIComponent(relatedSequence.id)}`}>
            {t('flags.remedy.openSequence', { name: relatedSequence.name })}
          </Link>
        </p>
      </div>
    );
  }

  if ((remedy !== 'reenroll-next-step' && remedy !== 'reenroll-this-step') || !onReenroll) return null;

  const label = t(remedy === 'reenroll-next-step' ? 'flags.remedy.reenrollNext' : 'flags.remedy.reenrollThis');
  const blocked = reenrollStep === null;
  const run = async (step: number) => {
    if (isPending) return;
    setPending(true);
    setError(null);
    try {
      await onReenroll(step);
    } catch (e) {
      setError(t(errorMessageKey(e)));
    } finally {
      setPending(false);
    }
  };

  return (
    <div className="flag-remedy">
      {/* A native button: it stays focusable while disabled, so its reason can be read. */}
      <button
        type="button"
        className={blocked ? 'button button--primary button--small button--blocked' : 'button button--primary button--small'}
        aria-disabled={blocked || isPending || undefined}
        aria-describedby={reasonId}
        onClick={() => {
          if (reenrollStep !== null) void run(reenrollStep);
        }}
      >
        {isPending ? t('flags.remedy.reenrolling') : label}
      </button>
      <p id={reasonId} className="flag-remedy__note">
        {blocked
          ? t(remedy === 'reenroll-next-step' ? 'flags.remedy.noNextStep' : 'flags.remedy.reconnectFirst')
          : t('flags.remedy.restartsAt', { step: reenrollStep })}
      </p>
      {blocked && remedy === 'reenroll-this-step' ? reconnectLink : null}
      {error ? (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
