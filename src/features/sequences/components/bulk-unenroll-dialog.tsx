import { MutationObserver, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { isApiError } from '../../../api/client';
import { errorMessageKey } from '../../../api/error-message-key';
import { useIdempotencyKey } from '../../../api/idempotency-key';
import type { BulkUnenrollRequest, BulkUnenrollResult, UndoResult } from '../../../contract/enrollments';
import { formatList } from '../../../i18n/format';
import { BulkProgress } from '../../../ui/bulk-progress';
import { ConfirmDialog } from '../../../ui/confirm-dialog';
import { useToasts } from '../../../ui/toast-context';
import type { AppToastQueue } from '../../../ui/toast-queue';
import { bulkUnenrollMutation } from '../api/bulk-unenroll';
import { undoUnenrollMutation } from '../api/undo-unenroll';

const RESULT_TOAST_MS = 30_000;
const UNDONE_TOAST_MS = 10_000;

interface BulkUnenrollDialogProps {
  isOpen: boolean;
  sequenceName: string;
  /** How many enrollments are selected: the number the dialog states and the user confirms. */
  count: number;
  /** The request for the selection as it is when the user confirms. */
  buildRequest: () => BulkUnenrollRequest;
  onClose: () => void;
  /** The enrollments were unenrolled (the dialog closes itself). */
  onUnenrolled: () => void;
}

/**
 * Confirms a bulk unenroll with the exact number, then reports what was done in a toast
 * with Undo. A failure keeps the dialog open: trying again sends the same Idempotency-Key,
 * so a request that did reach the server is not applied twice.
 */
export function BulkUnenrollDialog({ isOpen, sequenceName, count, buildRequest, onClose, onUnenrolled }: BulkUnenrollDialogProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const unenroll = useMutation({ ...bulkUnenrollMutation(queryClient), meta: { errorToast: false } });
  // One key per confirmed action: kept while the same request is retried.
  const idempotency = useIdempotencyKey();

  const close = () => {
    idempotency.forget();
    unenroll.reset();
    onClose();
  };

  const confirm = () => {
    const request = buildRequest();
    unenroll.mutate(
      { request, idempotencyKey: idempotency.keyFor(JSON.stringify(request)) },
      {
        onSuccess: (result) => {
          showResult({ result, queryClient, toasts, t });
          idempotency.forget();
          unenroll.reset();
          onUnenrolled();
          onClose();
        },
        onError: (error) => {
          // The filter matches another number now: show it, so the user confirms what is true.
          if (isApiError(error) && error.code === 'conflict') {
            void queryClient.invalidateQueries({ queryKey: ['sequences', request.sequenceId, 'enrollments'] });
          }
        },
      },
    );
  };

  let error: string | null = null;
  if (unenroll.isError) {
    const conflict = isApiError(unenroll.error) && unenroll.error.code === 'conflict';
    error = conflict ? t('bulk.dialog.changed') : t(errorMessageKey(unenroll.error));
  }

  return (
    <ConfirmDialog
      isOpen={isOpen}
      onOpenChange={(open) => {
        if (!open) close();
      }}
      title={t('bulk.dialog.title', { count, name: sequenceName })}
      confirmLabel={unenroll.isError ? t('common.tryAgain') : t('bulk.dialog.confirm')}
      pendingLabel={t('bulk.dialog.pending')}
      cancelLabel={t('common.cancel')}
      onConfirm={confirm}
      isPending={unenroll.isPending}
      error={error}
    >
      <p>{t('bulk.dialog.body')}</p>
      <p>{t('bulk.dialog.skipped')}</p>
      <BulkProgress isPending={unenroll.isPending} count={count} label={t('bulk.dialog.progress', { count })} />
    </ConfirmDialog>
  );
}

interface ToastDeps {
  queryClient: QueryClient;
  toasts: AppToastQueue;
  t: TFunction;
}

/** The toast after a bulk unenroll: how many, how many skipped and why, and Undo. */
function showResult({ result, ...deps }: ToastDeps & { result: BulkUnenrollResult }) {
  const { toasts, t } = deps;
  const { skipped } = result;
  const reasons = [
    skipped.alreadyUnenrolled ? t('bulk.skip.alreadyUnenrolled', { count: skipped.alreadyUnenrolled }) : null,
    skipped.finished ? t('bulk.skip.finished', { count: skipped.finished }) : null,
    skipped.failed ? t('bulk.skip.failed', { count: skipped.failed }) : null,
    skipped.notYours ? t('bulk.skip.notYours', { count: skipped.notYours }) : null,
  ].filter((r): r is string => r !== null);
  const skippedTotal = skipped.alreadyUnenrolled + skipped.finished + skipped.failed + skipped.notYours;
  toasts.add(
    {
      tone: result.unenrolled > 0 ? 'success' : 'info',
      title: t('bulk.done', { count: result.unenrolled }),
      description: skippedTotal > 0 ? t('bulk.skippedSummary', { count: skippedTotal, reasons: formatList(reasons) }) : undefined,
      action: result.unenrolled > 0 ? { label: t('bulk.undo'), onAction: () => undo({ ...deps, batchId: result.batchId }) } : undefined,
    },
    { timeout: RESULT_TOAST_MS },
  );
}

/** Undo from the toast: it may outlive the screen, so it runs outside any component. */
function undo({ queryClient, toasts, t, batchId }: ToastDeps & { batchId: string }) {
  const observer = new MutationObserver(queryClient, undoUnenrollMutation(queryClient));
  observer
    .mutate(batchId)
    .then((result) => showUndone({ toasts, t, result }))
    // The mutation cache reports the failure in a toast.
    .catch(() => undefined);
}

function showUndone({ toasts, t, result }: { toasts: AppToastQueue; t: TFunction; result: UndoResult }) {
  const byReason = new Map<string, number>();
  for (const item of result.notRestored) byReason.set(item.reason, (byReason.get(item.reason) ?? 0) + 1);
  const reasons = [
    byReason.get('changed-since') ? t('bulk.notRestored.changedSince', { count: byReason.get('changed-since') }) : null,
    byReason.get('enrolled-elsewhere') ? t('bulk.notRestored.enrolledElsewhere', { count: byReason.get('enrolled-elsewhere') }) : null,
    byReason.get('sequence-deleted') ? t('bulk.notRestored.sequenceDeleted', { count: byReason.get('sequence-deleted') }) : null,
  ].filter((r): r is string => r !== null);
  toasts.add(
    {
      tone: result.notRestoredTotal > 0 ? 'info' : 'success',
      title: t('bulk.restored', { count: result.restored }),
      description:
        result.notRestoredTotal > 0
          ? t('bulk.notRestoredSummary', { count: result.notRestoredTotal, reasons: formatList(reasons) })
          : undefined,
    },
    { timeout: UNDONE_TOAST_MS },
  );
}
