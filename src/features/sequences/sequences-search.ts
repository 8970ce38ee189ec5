import type { SequenceListQuery, SequenceSortField, SortDirection } from '../../contract/sequences';
import { oneOf, SEQUENCE_SORT_FIELDS, SORT_DIRECTIONS } from '../../contract/values';

const MAX_QUERY_LENGTH = 200;
const DEFAULT_SORT: SequenceSortField = 'name';
const DEFAULT_DIR: SortDirection = 'asc';

/** The list view (search and sort) as the URL carries it, so a link reproduces the view.
 * Anything unknown or malformed in the URL falls back to the default. */
export function readSequencesSearch(params: URLSearchParams): SequenceListQuery {
  const q = params.get('q')?.trim().slice(0, MAX_QUERY_LENGTH) || undefined;
  const sort = oneOf(SEQUENCE_SORT_FIELDS, params.get('sort')) ?? DEFAULT_SORT;
  const dir = oneOf(SORT_DIRECTIONS, params.get('dir')) ?? DEFAULT_DIR;
  return { q, sort, dir };
}

/** URL search params for a view; defaults are left out to keep links short. */
export function writeSequencesSearch(search: SequenceListQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (search.q) params.set('q', search.q);
  if (search.sort !== DEFAULT_SORT || search.dir !== DEFAULT_DIR) {
    params.set('sort', search.sort);
    params.set('dir', search.dir);
  }
  return params;
}

/** Text columns start A→Z; figures start with the highest first. */
export function firstDirection(field: SequenceSortField): SortDirection {
  return field === 'name' || field === 'owner' ? 'asc' : 'desc';
}
