import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../ui/confirm-dialog';

/** Asks before Reset demo data (reset-demo-data.tsx), then resets and reloads the page. */
export default function ResetDemoDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [isPending, setPending] = useState(false);
  return (
    <ConfirmDialog
      isOpen
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={t('demo.resetTitle')}
      confirmLabel={t('demo.resetConfirm')}
      pendingLabel={t('demo.resetting')}
      cancelLabel={t('common.cancel')}
      isPending={isPending}
      onConfirm={() => {
        setPending(true);
        // The demo's storage helpers stay out of the production bundle.
        void import('../../../mocks/demo-storage').then((demo) => demo.resetDemoData());
      }}
    >
      <p>{t('demo.resetBody')}</p>
    </ConfirmDialog>
  );
}
