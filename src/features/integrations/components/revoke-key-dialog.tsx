import { useTranslation } from 'react-i18next';
import { errorMessageKey } from '../../../api/error-message-key';
import type { IntegrationKey } from '../../../contract/integrations';
import { ConfirmDialog } from '../../../ui/confirm-dialog';
import { useToasts } from '../../../ui/toast-context';
import { useRevokeKey } from '../api/revoke-key';

/** Asks before Revoke: a revoked key cannot be used again. */
export function RevokeKeyDialog({ integrationKey, onClose }: { integrationKey: IntegrationKey; onClose: () => void }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const revoke = useRevokeKey();
  return (
    <ConfirmDialog
      isOpen
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={t('integrations.revokeDialog.title', { name: integrationKey.name })}
      confirmLabel={t('integrations.revoke')}
      pendingLabel={t('integrations.revokeDialog.pending')}
      cancelLabel={t('common.cancel')}
      isPending={revoke.isPending}
      error={revoke.isError ? `${t('integrations.revokeDialog.failed')} ${t(errorMessageKey(revoke.error))}` : null}
      onConfirm={() =>
        revoke.mutate(integrationKey.id, {
          onSuccess: () => {
            toasts.add({ tone: 'success', title: t('integrations.revokeDialog.done', { name: integrationKey.name }) }, { timeout: 5000 });
            onClose();
          },
        })
      }
    >
      <p>{t('integrations.revokeDialog.body')}</p>
    </ConfirmDialog>
  );
}
