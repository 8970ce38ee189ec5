import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../ui/confirm-dialog';

/** Demo mode only (render it under `import.meta.env.VITE_API_MODE === 'demo'`): throws away
 * every change stored in this browser and starts over from the shipped demo data, after asking. */
export function ResetDemoData({ className = 'button button--quiet' }: { className?: string }) {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  const [isPending, setPending] = useState(false);
  return (
    <>
      <button type="button" className={className} onClick={() => setOpen(true)}>
        {t('demo.reset')}
      </button>
      <ConfirmDialog
        isOpen={isOpen}
        onOpenChange={setOpen}
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
    </>
  );
}
