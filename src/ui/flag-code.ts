import type { EmailProblem, EnrollErrorCode } from '../contract/codes';
import { EMAIL_PROBLEMS, oneOf } from '../contract/values';
import { EMAIL_PROBLEM_REMEDY, ENROLL_ERROR_REMEDY, type Remedy } from '../domain/enrollment-problems';

/** An error flag: why a contact could not be enrolled (docs/domain.md §1), or why a step did not
 * send (§2). The first kind shows its code verbatim; the second a name in words. */
export type FlagCode = EnrollErrorCode | EmailProblem;

export function isEmailProblem(code: FlagCode): code is EmailProblem {
  return oneOf(EMAIL_PROBLEMS, code) !== undefined;
}

export function remedyOf(code: FlagCode): Remedy {
  return isEmailProblem(code) ? EMAIL_PROBLEM_REMEDY[code] : ENROLL_ERROR_REMEDY[code];
}

/** Where the user reconnects a sending inbox. */
export const INBOX_SETTINGS_PATH = '/settings/inboxes';
