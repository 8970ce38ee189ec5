import { isApiError } from './client';

export type ErrorMessageKey =
  | 'errors.api.network'
  | 'errors.api.rateLimited'
  | 'errors.api.forbidden'
  | 'errors.api.notFound'
  | 'errors.api.conflict'
  | 'errors.api.badRequest'
  | 'errors.api.csrfFailed'
  | 'errors.api.unauthenticated'
  | 'errors.api.invalidResponse'
  | 'errors.api.server';

/** The catalog key of the message a user should read for a failed request. */
export function errorMessageKey(error: unknown): ErrorMessageKey {
  if (!isApiError(error)) return 'errors.api.server';
  switch (error.code) {
    case 'network':
      return 'errors.api.network';
    case 'rate_limited':
      return 'errors.api.rateLimited';
    case 'forbidden':
      return 'errors.api.forbidden';
    case 'not_found':
      return 'errors.api.notFound';
    case 'conflict':
    case 'account_suspended':
    case 'review_incomplete':
      return 'errors.api.conflict';
    case 'bad_request':
    case 'validation_failed':
    case 'malformed_json':
    case 'unprocessable':
    case 'invalid_credentials':
      return 'errors.api.badRequest';
    case 'csrf_failed':
      return 'errors.api.csrfFailed';
    case 'unauthenticated':
      return 'errors.api.unauthenticated';
    case 'invalid_response':
      return 'errors.api.invalidResponse';
    case 'internal':
      return 'errors.api.server';
  }
}
