// The contract's rule for an email address, in a form that needs no schema library: zod's own
// pattern (the one `z.email()` checks) and the longest address SMTP carries. The sign-in form
// checks an address with it before it asks the server, without downloading the schemas. Every
// schema that takes an address uses the same length; `email.test.ts` holds the pattern to
// `z.email()`'s.
import { regexes } from 'zod/v4/core';

/** The longest address a mail path carries (RFC 5321). */
export const EMAIL_MAX_LENGTH = 254;

/** Whether `value` is an email address the API takes. */
export function isEmailAddress(value: string): boolean {
  return value.length <= EMAIL_MAX_LENGTH && regexes.email.test(value);
}
