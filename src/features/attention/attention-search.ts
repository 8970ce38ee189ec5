import type { AttentionFilter } from '../../contract/attention';
import { NUMERIC_ID } from '../../contract/ids';

const FIELDS = ['sequenceId', 'enrolledBy', 'inboxId'] as const;

/** The page's filters from its URL; anything that cannot be an id is ignored. */
export function readAttentionSearch(params: URLSearchParams): AttentionFilter {
  const filter: AttentionFilter = {};
  for (const field of FIELDS) {
    const value = params.get(field);
    if (value && NUMERIC_ID.test(value)) filter[field] = value;
  }
  return filter;
}

/** The URL search of a filter: only what is set. */
export function attentionSearch(filter: AttentionFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const field of FIELDS) {
    const value = filter[field];
    if (value) params.set(field, value);
  }
  return params;
}
