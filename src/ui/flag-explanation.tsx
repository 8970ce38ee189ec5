import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isEmailProblem, type FlagCode } from './flag-code';
import { FlagRemedy, type FlagRemedyProps } from './flag-remedy';

interface FlagExplanationProps extends FlagRemedyProps {
  /** The heading's id, which names the dialog around the explanation. */
  titleId: string;
  /** The sending inbox, named when the problem is the inbox's. */
  inbox?: { address: string; connected: boolean } | null;
}

/** What a flag means, in the user's language: what happened, why, what to do, and the
 * remedy as an action where one exists. */
export function FlagExplanation({ inbox, titleId, ...remedy }: FlagExplanationProps) {
  const { t } = useTranslation();
  const { code } = remedy;
  const showsInbox = isEmailProblem(code) && code !== 'GMAIL_SEND_ERROR' && inbox;
  return (
    <div className="flag-explanation">
      {isEmailProblem(code) ? null : (
        <p className="flag-explanation__code">
          <code>{code}</code>
        </p>
      )}
      <h2 id={titleId} className="flag-explanation__title">
        {t(`flags.${code}.title`)}
      </h2>
      <FlagParts code={code} className="flag-explanation__parts">
        {showsInbox ? (
          <>
            <dt>{t('flags.inbox')}</dt>
            <dd>
              {inbox.address}{' '}
              <span className="text-muted">
                ({t(inbox.connected ? 'flags.inboxConnected' : 'flags.inboxDisconnected')})
              </span>
            </dd>
          </>
        ) : null}
      </FlagParts>
      <FlagRemedy {...remedy} />
    </div>
  );
}

interface FlagPartsProps {
  code: FlagCode;
  className: string;
  /** Further terms after the three every flag has. */
  children?: ReactNode;
}

/** A flag's three parts, wherever it is explained (its popover, a Needs attention group): what
 * happened, why, and what to do. */
export function FlagParts({ code, className, children }: FlagPartsProps) {
  const { t } = useTranslation();
  return (
    <dl className={className}>
      <dt>{t('flags.whatHappened')}</dt>
      <dd>{t(`flags.${code}.what`)}</dd>
      <dt>{t('flags.why')}</dt>
      <dd>{t(`flags.${code}.why`)}</dd>
      <dt>{t('flags.whatToDo')}</dt>
      <dd>{t(`flags.${code}.todo`)}</dd>
      {children}
    </dl>
  );
}
