import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { errorMessageKey } from '../../../api/error-message-key';
import { useIdempotencyKey } from '../../../api/idempotency-key';
import type { AttentionFilter, AttentionFixRequest, AttentionGroup } from '../../../contract/attention';
import { BulkProgress } from '../../../ui/bulk-progress';
import { ConfirmDialog } from '../../../ui/confirm-dialog';
import { fixGroupMutation } from '../api/fix-group';
import type { Outcome } from './fix-outcome';

interface FixGroupDialogProps {
  group: AttentionGroup;
  filter: AttentionFilter;
  onClose: () => void;
  onDone: (outcome: Outcome) => void;
}

/**
 * Confirms a group's remedy with the exact number. The request carries the count shown, so a
 * group that changed meanwhile is refused (409): the dialog says so and the page reloads the
 * group. A failure keeps the dialog open; trying again sends the same Idempotency-Key.
 */
export function FixGroupDialog({ group, filter, onClose, onDone }: FixGroupDialogProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const fix = useMutation({ ...fixGroupMutation(queryClient), meta: { errorToast: false } });
  const idempotency = useIdempotencyKey();
  const action = group.remedy === 'unenroll' ? 'unenroll' : 'reenroll';
  const count = group.fixable;
  const skipped = group.count - group.fixable;

  const confirm = () => {
    const request: AttentionFixRequest = { group: group.key, filter, expectedTotal: group.count };
    fix.mutate(
      { action, request, idempotencyKey: idempotency.keyFor(JSON.stringify(request)) },
      {
        onSuccess: (result) => {
          idempotency.forget();
          onDone({ result, group });
        },
        onError: (error) => {
          if (isApiError(error) && error.code === 'conflict') void queryClient.invalidateQueries({ queryKey: ['attention'] });
        },
      },
    );
  };

  let error: string | null = null;
  if (fix.isError) {
    const changed = isApiError(fix.error) && fix.error.code === 'conflict';
    error = changed ? t('attention.dialog.changed') : t(errorMessageKey(fix.error));
  }
  const title =
    group.remedy === 'unenroll'
      ? t('attention.dialog.unenrollTitle', { count })
      : group.remedy === 'reenroll-next-step'
        ? t('attention.dialog.reenrollNextTitle', { count })
        : t('attention.dialog.reenrollThisTitle', { count });

  return (
    <ConfirmDialog
      isOpen
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={title}
      tone={action === 'unenroll' ? 'danger' : 'primary'}
      confirmLabel={fix.isError ? t('common.tryAgain') : t(action === 'unenroll' ? 'attention.dialog.confirmUnenroll' : 'attention.dialog.confirmReenroll')}
      pendingLabel={t(action === 'unenroll' ? 'attention.dialog.unenrolling' : 'attention.dialog.reenrolling')}
      cancelLabel={t('common.cancel')}
      onConfirm={confirm}
      isPending={fix.isPending}
      error={error}
    >
      <p>
        {group.remedy === 'unenroll'
          ? t('attention.dialog.unenrollBody')
          : group.remedy === 'reenroll-next-step'
            ? t('attention.dialog.reenrollNextBody')
            : t('attention.dialog.reenrollThisBody')}
      </p>
      {skipped > 0 ? <p>{t('attention.dialog.skipped', { count: skipped })}</p> : null}
      <p>{t('attention.dialog.undoable')}</p>
      <BulkProgress isPending={fix.isPending} count={count} label={t('attention.dialog.progress', { count })} />
    </ConfirmDialog>
  );
}
