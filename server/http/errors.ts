import type { ErrorCode, FieldIssue } from '../../src/contract/errors';

/** A failure with an HTTP status and a public error code. Anything else that is thrown
 * becomes a 500 and is logged: a 5xx is a bug. */
export class HttpError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429,
    readonly code: ErrorCode,
    message: string,
    readonly details?: FieldIssue[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, details?: FieldIssue[]) =>
  new HttpError(400, details ? 'validation_failed' : 'bad_request', message, details);
export const unauthenticated = () => new HttpError(401, 'unauthenticated', 'Sign in to continue.');
export const forbidden = (message = 'You do not have permission to do this.') =>
  new HttpError(403, 'forbidden', message);
export const notFound = (what = 'The requested resource') => new HttpError(404, 'not_found', `${what} was not found.`);
export const conflict = (message: string) => new HttpError(409, 'conflict', message);
