import type { TFunction } from 'i18next';
import { isApiError } from '../../api/client';
import { errorMessageKey } from '../../api/error-message-key';

/** What to tell the user about a failed probation request: this feature's own refusals by
 * their code, anything else as the app says it. */
export function probationErrorText(error: unknown, t: TFunction): string {
  if (isApiError(error)) {
    if (error.code === 'account_suspended') return t('probation.errors.accountSuspended');
    if (error.code === 'review_incomplete') return t('probation.errors.reviewIncomplete');
    if (error.code === 'conflict' && error.status === 409) return t('probation.errors.notUnderWatch');
  }
  return t(errorMessageKey(error));
}
