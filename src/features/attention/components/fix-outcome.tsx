import { useMutation, useQueryClient } from '@tanstack/react-query';
import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttentionFixResult, AttentionGroup } from '../../../contract/attention';
import type { UndoResult } from '../../../contract/enrollments';
import { formatDate, formatList } from '../../../i18n/format';
import { undoFixMutation } from '../api/undo-fix';

export type Outcome = { result: AttentionFixResult; group: AttentionGroup; undone?: UndoResult };

interface FixOutcomeProps {
  outcome: Outcome;
  onUndone: (outcome: Outcome) => void;
}

/** What a remedy did, what it skipped and why, and Undo; after Undo, what was restored. */
export const FixOutcome = forwardRef<HTMLDivElement, FixOutcomeProps>(function FixOutcome({ outcome, onUndone }, ref) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const undo = useMutation(undoFixMutation(queryClient));
  const { result, undone } = outcome;

  const skippedReasons = [
    result.skipped.inboxDisconnected ? t('attention.result.skip.inboxDisconnected', { count: result.skipped.inboxDisconnected }) : null,
    result.skipped.noFollowingStep ? t('attention.result.skip.noFollowingStep', { count: result.skipped.noFollowingStep }) : null,
  ].filter((r): r is string => r !== null);
  const skippedTotal = result.skipped.inboxDisconnected + result.skipped.noFollowingStep;

  let lines: string[];
  if (undone) {
    const by = new Map<string, number>();
    for (const item of undone.notRestored) by.set(item.reason, (by.get(item.reason) ?? 0) + 1);
    const reasons = [
      by.get('changed-since') ? t('bulk.notRestored.changedSince', { count: by.get('changed-since') }) : null,
      by.get('enrolled-elsewhere') ? t('bulk.notRestored.enrolledElsewhere', { count: by.get('enrolled-elsewhere') }) : null,
      by.get('sequence-deleted') ? t('bulk.notRestored.sequenceDeleted', { count: by.get('sequence-deleted') }) : null,
    ].filter((r): r is string => r !== null);
    lines = [
      t('bulk.restored', { count: undone.restored }),
      ...(undone.notRestoredTotal > 0 ? [t('bulk.notRestoredSummary', { count: undone.notRestoredTotal, reasons: formatList(reasons) })] : []),
    ];
  } else {
    lines = [
      result.action === 'unenroll'
        ? t('attention.result.unenrolled', { count: result.changed, code: result.code })
        : t(result.step === 'next' ? 'attention.result.reenrolledNext' : 'attention.result.reenrolledThis', { count: result.changed }),
      ...(result.schedule
        ? [
            result.schedule.days > 1
              ? t('attention.result.spread', {
                  first: formatDate(result.schedule.first, { withTime: true }),
                  last: formatDate(result.schedule.last, { withTime: true }),
                  count: result.schedule.days,
                })
              : t('attention.result.today', { last: formatDate(result.schedule.last, { withTime: true }) }),
          ]
        : []),
      ...(skippedTotal > 0 ? [t('attention.result.skipped', { count: skippedTotal, reasons: formatList(skippedReasons) })] : []),
    ];
  }

  return (
    <div ref={ref} tabIndex={-1} className="attention-outcome" role="status" aria-labelledby="attention-outcome-title">
      <h2 id="attention-outcome-title" className="attention-outcome__title">
        {undone ? t('attention.result.undoneTitle') : t('attention.result.title')}
      </h2>
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
      {!undone && result.changed > 0 ? (
        <button
          type="button"
          className="button"
          aria-disabled={undo.isPending || undefined}
          onClick={() => {
            if (undo.isPending) return;
            undo.mutate(result.batchId, { onSuccess: (u) => onUndone({ ...outcome, undone: u }) });
          }}
        >
          {undo.isPending ? t('attention.result.undoing') : t('bulk.undo')}
        </button>
      ) : null}
    </div>
  );
});
