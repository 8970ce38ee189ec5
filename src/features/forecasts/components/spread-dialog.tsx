import { MutationObserver, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { errorMessageKey } from '../../../api/error-message-key';
import { useIdempotencyKey } from '../../../api/idempotency-key';
import type { SpreadResult, UndoSpreadResult } from '../../../contract/forecast';
import { ConfirmDialog } from '../../../ui/confirm-dialog';
import { Spinner } from '../../../ui/spinner';
import { useToasts } from '../../../ui/toast-context';
import type { AppToastQueue } from '../../../ui/toast-queue';
import { spreadPreviewQuery } from '../api/preview-spread';
import { spreadSendsMutation } from '../api/spread-sends';
import { undoSpreadMutation } from '../api/undo-spread';
import { formatForecastDay } from '../format';

const RESULT_TOAST_MS = 30_000;
const UNDONE_TOAST_MS = 10_000;

interface SpreadDialogProps {
  inboxId: string;
  address: string;
  onClose: () => void;
}

/**
 * Spread, previewed: what would move from which day to which, confirmed, then reported in a
 * toast with Undo. A schedule that changed since the preview is refused (409): the dialog
 * shows the new preview to confirm instead.
 */
export function SpreadDialog({ inboxId, address, onClose }: SpreadDialogProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const preview = useQuery({ ...spreadPreviewQuery(inboxId), retry: false });
  const spread = useMutation({ ...spreadSendsMutation(queryClient), meta: { errorToast: false } });
  // One key per confirmed plan: a retry of the same plan cannot spread twice.
  const idempotency = useIdempotencyKey();

  const confirm = () => {
    const plan = preview.data;
    if (!plan || plan.moved === 0) return;
    spread.mutate(
      { inboxId, planToken: plan.planToken, idempotencyKey: idempotency.keyFor(plan.planToken) },
      {
        onSuccess: (result) => {
          showResult({ result, queryClient, toasts, t });
          onClose();
        },
        onError: (error) => {
          // The schedule changed: fetch the preview again, so the user confirms what is true now.
          if (isApiError(error) && error.code === 'conflict') void preview.refetch();
        },
      },
    );
  };

  let error: string | null = null;
  if (spread.isError) {
    const conflict = isApiError(spread.error) && spread.error.code === 'conflict';
    error = conflict ? t('forecasts.spread.changed') : t(errorMessageKey(spread.error));
  } else if (preview.isError) {
    error = t(errorMessageKey(preview.error));
  }

  let body;
  if (preview.isPending || preview.isFetching) {
    body = <Spinner label={t('forecasts.spread.loading')} />;
  } else if (preview.isError) {
    body = <p>{t('forecasts.spread.previewFailed')}</p>;
  } else if (preview.data.moved === 0) {
    body = <p>{t('forecasts.spread.noRoom')}</p>;
  } else {
    body = (
      <>
        <p>{t('forecasts.spread.body', { count: preview.data.moved })}</p>
        <ul className="forecast-moves">
          {preview.data.moves.map((m) => (
            <li key={`${m.from}-${m.to}`}>
              {t('forecasts.spread.move', { count: m.count, from: formatForecastDay(m.from), to: formatForecastDay(m.to) })}
            </li>
          ))}
        </ul>
        {preview.data.unplaced > 0 ? <p>{t('forecasts.spread.unplaced', { count: preview.data.unplaced })}</p> : null}
        <p className="text-muted">{t('forecasts.spread.undoNote')}</p>
      </>
    );
  }

  const ready = preview.isSuccess && !preview.isFetching && preview.data.moved > 0;
  return (
    <ConfirmDialog
      isOpen
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={t('forecasts.spread.title', { address })}
      confirmLabel={spread.isError && !(isApiError(spread.error) && spread.error.code === 'conflict') ? t('common.tryAgain') : t('forecasts.spread.confirm')}
      pendingLabel={t('forecasts.spread.pending')}
      cancelLabel={t('common.cancel')}
      onConfirm={confirm}
      isPending={spread.isPending}
      isConfirmDisabled={!ready}
      error={error}
      tone="primary"
    >
      {body}
    </ConfirmDialog>
  );
}

interface ToastDeps {
  queryClient: QueryClient;
  toasts: AppToastQueue;
  t: TFunction;
}

function showResult({ result, ...deps }: ToastDeps & { result: SpreadResult }) {
  const { toasts, t } = deps;
  toasts.add(
    {
      tone: 'success',
      title: t('forecasts.spread.done', { count: result.moved }),
      action: { label: t('forecasts.spread.undo'), onAction: () => undo({ ...deps, spreadId: result.spreadId }) },
    },
    { timeout: RESULT_TOAST_MS },
  );
}

/** Undo from the toast: it may outlive the section, so it runs outside any component. */
function undo({ queryClient, toasts, t, spreadId }: ToastDeps & { spreadId: string }) {
  const observer = new MutationObserver(queryClient, undoSpreadMutation(queryClient));
  observer
    .mutate(spreadId)
    .then((result) => showUndone({ toasts, t, result }))
    // The mutation cache reports the failure in a toast.
    .catch(() => undefined);
}

function showUndone({ toasts, t, result }: { toasts: AppToastQueue; t: TFunction; result: UndoSpreadResult }) {
  toasts.add(
    {
      tone: result.notRestored > 0 ? 'info' : 'success',
      title: t('forecasts.spread.restored', { count: result.restored }),
      description: result.notRestored > 0 ? t('forecasts.spread.notRestored', { count: result.notRestored }) : undefined,
    },
    { timeout: UNDONE_TOAST_MS },
  );
}
