import { useTranslation } from 'react-i18next';
import type { Invite } from '../../../contract/users';
import { formatDate } from '../../../i18n/format';
import { OneTimeSecret } from '../../../ui/one-time-secret';
import { inviteLink } from './invite-link';

/** A fresh invite, shown once: the link to copy and hand over, and when it stops working. */
export function InviteLinkView({ invite, onDone }: { invite: Invite; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <OneTimeSecret
      title={t('users.link.title', { name: invite.user.name })}
      label={t('users.link.label')}
      value={inviteLink(invite.token)}
      description={t('users.link.note', { email: invite.user.email, date: formatDate(invite.expiresAt, { withTime: true }) })}
      copyLabel={t('users.link.copy')}
      copiedLabel={t('users.link.copied')}
      copyFailedLabel={t('users.link.copyFailed')}
      doneLabel={t('users.link.done')}
      onDone={onDone}
    />
  );
}
