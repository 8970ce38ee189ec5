import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { reenrollMutation } from '../api/enrollment-mutations';
import { formatInteger } from '../i18n/format';
import { useToasts } from './toast-context';

/**
 * The remedy an enrollment's flag offers, wherever the flag is shown (a sequence's rows, a
 * contact's enrollments): re-enrolls the contact at `step` and says so in a toast. A failure
 * rejects, and the flag's explanation shows it itself (no error toast).
 */
export function useReenroll(): (enrollmentId: string, contactName: string, step: number) => Promise<void> {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const reenroll = useMutation({ ...reenrollMutation(queryClient), meta: { errorToast: false } });
  return async (enrollmentId, contactName, step) => {
    await reenroll.mutateAsync({ enrollmentId, step });
    toasts.add(
      { tone: 'success', title: t('enrollments.reenrolled', { name: contactName, step: formatInteger(step) }) },
      { timeout: 5000 },
    );
  };
}
