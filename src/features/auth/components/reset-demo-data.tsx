import { Suspense, lazy, useState } from 'react';
import { useTranslation } from 'react-i18next';

// The confirmation's code loads when it is first asked for: the layout carries this button.
const ResetDemoDialog = lazy(() => import('./reset-demo-dialog'));

/** Demo mode only (render it under `import.meta.env.VITE_API_MODE === 'demo'`): throws away
 * every change stored in this browser and starts over from the shipped demo data, after asking. */
export function ResetDemoData({ className = 'button button--quiet' }: { className?: string }) {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={className} onClick={() => setOpen(true)}>
        {t('demo.reset')}
      </button>
      {isOpen ? (
        <Suspense fallback={null}>
          <ResetDemoDialog onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </>
  );
}
