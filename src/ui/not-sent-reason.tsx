import './not-sent-reason.css';
import { useTranslation } from 'react-i18next';
import type { NotSentReason } from '../contract/codes';

interface NotSentReasonTextProps {
  reason: NotSentReason;
  /** Also say what it means, under the name. */
  explain?: boolean;
}

/** Why an email was not sent: the reason in words, then its code verbatim (users search by it). */
export function NotSentReasonText({ reason, explain = false }: NotSentReasonTextProps) {
  const { t } = useTranslation();
  return (
    <span className="not-sent-reason">
      <span className="not-sent-reason__title">{t(`health.reasons.${reason}.title`)}</span>
      <code className="not-sent-reason__code">{reason}</code>
      {explain ? <span className="not-sent-reason__what">{t(`health.reasons.${reason}.what`)}</span> : null}
    </span>
  );
}
