import { Heading } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Invite } from '../../../contract/users';
import { formatDate } from '../../../i18n/format';
import { CopyField } from '../../../ui/copy-field';
import { inviteLink } from './invite-link';

/** A fresh invite, shown once: the link to copy and hand over, and when it stops working. */
export function InviteLinkView({ invite, onDone }: { invite: Invite; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <Heading slot="title" className="dialog__title">
        {t('users.link.title', { name: invite.user.name })}
      </Heading>
      <CopyField
        label={t('users.link.label')}
        value={inviteLink(invite.token)}
        description={t('users.link.note', { email: invite.user.email, date: formatDate(invite.expiresAt, { withTime: true }) })}
        copyLabel={t('users.link.copy')}
        copiedLabel={t('users.link.copied')}
        copyFailedLabel={t('users.link.copyFailed')}
        autoSelect
      />
      <div className="dialog__actions">
        <button type="button" className="button button--primary" onClick={onDone}>
          {t('users.link.done')}
        </button>
      </div>
    </>
  );
}
