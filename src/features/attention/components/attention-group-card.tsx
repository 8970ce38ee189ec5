import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AttentionFilter, AttentionGroup } from '../../../contract/attention';
import { formatInteger } from '../../../i18n/format';
import { INBOX_SETTINGS_PATH } from '../../../ui/flag-code';
import { FlagParts } from '../../../ui/flag-explanation';

interface AttentionGroupCardProps {
  group: AttentionGroup;
  filter: AttentionFilter;
  /** Opens the remedy's dialog; absent when the user may not change enrollments. */
  onFix?: (group: AttentionGroup) => void;
}

/** The sequence summary filtered to this group's rows (its existing URL filters). */
function summaryLink(sequenceId: string, group: AttentionGroup, filter: AttentionFilter): string {
  const params = new URLSearchParams({ error: group.key.code });
  if (filter.enrolledBy) params.set('enrolledBy', filter.enrolledBy);
  return `/sequences/${encodeURIComponent(sequenceId)}?${params.toString()}`;
}

/** One group: what it is (the flag's own words), how many, its remedy, and where the rows are. */
export function AttentionGroupCard({ group, filter, onFix }: AttentionGroupCardProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const { code } = group.key;
  const isContactError = group.kind === 'contact';
  const waitingForInbox = code === 'INBOX_DISCONNECTED' && group.inbox !== null && !group.inbox.connected;
  const skipped = group.count - group.fixable;

  const actionLabel =
    group.remedy === 'unenroll'
      ? t('attention.actions.unenroll', { count: group.fixable })
      : group.remedy === 'reenroll-next-step'
        ? t('attention.actions.reenrollNext', { count: group.fixable })
        : t('attention.actions.reenrollThis', { count: group.fixable });

  return (
    <article
      className={`attention-group attention-group--${group.kind}`}
      aria-labelledby={titleId}
      data-group={`${code}:${group.key.inboxId ?? ''}`}
    >
      <header className="attention-group__header">
        <h3 id={titleId} className="attention-group__title">
          {isContactError ? <code className="attention-group__code">{code}</code> : null}
          <span>{t(`flags.${code}.title`)}</span>
          {group.inbox ? <span className="attention-group__inbox">{group.inbox.address}</span> : null}
        </h3>
        <p className="attention-group__count">{t('attention.count', { count: group.count })}</p>
      </header>
      <FlagParts code={code} className="attention-group__parts" />

      {code === 'SEND_FAILURE' || code === 'GMAIL_SEND_ERROR' ? (
        <p className="attention-group__check">
          <strong>{t('attention.checkFirstLabel')}</strong> {t(`attention.checkFirst.${code}`)}
        </p>
      ) : null}

      <div className="attention-group__remedy">
        {waitingForInbox ? (
          <>
            <Link className="button button--primary" to={INBOX_SETTINGS_PATH}>
              {t('flags.remedy.reconnect')}
            </Link>
            <p className="attention-group__note">{t('attention.reconnectThenReenroll', { count: group.count })}</p>
          </>
        ) : onFix && group.fixable > 0 ? (
          <button
            type="button"
            className={group.remedy === 'unenroll' ? 'button button--danger' : 'button button--primary'}
            onClick={() => onFix(group)}
          >
            {actionLabel}
          </button>
        ) : null}
        {!waitingForInbox && skipped > 0 ? (
          <p className="attention-group__note">
            {t(group.remedy === 'reenroll-next-step' ? 'attention.skipNote.noFollowingStep' : 'attention.skipNote.inboxDisconnected', {
              count: skipped,
            })}
          </p>
        ) : null}
      </div>

      {group.relatedSequences.length > 0 ? (
        <div className="attention-group__related">
          <h4 className="attention-group__subtitle">{t('attention.enrolledIn')}</h4>
          <ul className="attention-group__links">
            {group.relatedSequences.map((s) => (
              <li key={s.id}>
                <Link to={`/sequences/${encodeURIComponent(s.id)}`}>{s.name}</Link>{' '}
                <span className="text-muted">({formatInteger(s.count)})</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <details className="attention-group__sequences">
        <summary>{t('attention.inSequences', { count: group.sequences.length })}</summary>
        <ul className="attention-group__links">
          {group.sequences.map((s) => (
            <li key={s.id}>
              <Link to={summaryLink(s.id, group, filter)}>{t('attention.sequenceLink', { name: s.name, count: s.count })}</Link>
            </li>
          ))}
        </ul>
      </details>
    </article>
  );
}
