import type { EnrollmentFilter, EnrollmentSortField } from '../../contract/enrollments';
import { NUMERIC_ID } from '../../contract/ids';
import type { SortDirection, StepType } from '../../contract/sequences';
import {
  ENROLLMENT_SORT_FIELDS,
  ENROLLMENT_STATUSES,
  ERROR_FILTERS,
  isoDate,
  oneOf,
  SORT_DIRECTIONS,
  STEP_TYPES,
} from '../../contract/values';
import type { EnrollmentView } from './api/get-enrollments';

export const SEQUENCE_TABS = ['enrollments', 'scheduled', 'history'] as const;
export type SequenceTab = (typeof SEQUENCE_TABS)[number];

/** The Scheduled tab's filters: a step type and local calendar dates of sending. */
export interface ScheduledFilterInput {
  type?: StepType;
  from?: string;
  to?: string;
}

/** The sequence summary as the URL carries it: the tab, the Enrollments tab's view and the
 * Scheduled tab's filters (under their own names: stepType, sendsFrom, sendsTo). */
export interface SequenceSearch extends EnrollmentView {
  tab: SequenceTab;
  scheduled: ScheduledFilterInput;
}

/** Changes the view in the URL, from the latest view asked for. */
export type SearchUpdate = (change: (current: SequenceSearch) => SequenceSearch, options: { replace: boolean }) => void;

const MAX_QUERY_LENGTH = 200;
const DEFAULT_TAB: SequenceTab = 'enrollments';
const DEFAULT_SORT: EnrollmentSortField = 'enrolledAt';
const DEFAULT_DIR: SortDirection = 'desc';

const userId = (value: string | null) => (value !== null && NUMERIC_ID.test(value) ? value : undefined);

/** Reads the view from the URL. Anything unknown or malformed is left out rather than sent,
 * so a hand-edited or outdated link still opens (with fewer filters). */
export function readSequenceSearch(params: URLSearchParams): SequenceSearch {
  const from = isoDate(params.get('from'));
  let to = isoDate(params.get('to'));
  if (from && to && from > to) to = undefined;
  const filter: EnrollmentFilter = {
    status: oneOf(ENROLLMENT_STATUSES, params.get('status')),
    error: oneOf(ERROR_FILTERS, params.get('error')),
    enrolledBy: userId(params.get('enrolledBy')),
    from,
    to,
    q: params.get('q')?.trim().slice(0, MAX_QUERY_LENGTH) || undefined,
  };
  const sendsFrom = isoDate(params.get('sendsFrom'));
  let sendsTo = isoDate(params.get('sendsTo'));
  if (sendsFrom && sendsTo && sendsFrom > sendsTo) sendsTo = undefined;
  const scheduled: ScheduledFilterInput = {
    type: oneOf(STEP_TYPES, params.get('stepType')),
    from: sendsFrom,
    to: sendsTo,
  };
  return {
    tab: oneOf(SEQUENCE_TABS, params.get('tab')) ?? DEFAULT_TAB,
    filter: withoutEmpty(filter),
    scheduled: withoutEmpty(scheduled),
    sort: oneOf(ENROLLMENT_SORT_FIELDS, params.get('sort')) ?? DEFAULT_SORT,
    dir: oneOf(SORT_DIRECTIONS, params.get('dir')) ?? DEFAULT_DIR,
  };
}

/** URL search params for a view; defaults are left out to keep links short. */
export function writeSequenceSearch(search: SequenceSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (search.tab !== DEFAULT_TAB) params.set('tab', search.tab);
  for (const key of ['status', 'error', 'enrolledBy', 'from', 'to', 'q'] as const) {
    const value = search.filter[key];
    if (value) params.set(key, value);
  }
  if (search.sort !== DEFAULT_SORT || search.dir !== DEFAULT_DIR) {
    params.set('sort', search.sort);
    params.set('dir', search.dir);
  }
  const { type, from, to } = search.scheduled;
  if (type) params.set('stepType', type);
  if (from) params.set('sendsFrom', from);
  if (to) params.set('sendsTo', to);
  return params;
}

/** Whether any filter narrows the table (the search counts as one). */
export function hasFilter(filter: EnrollmentFilter): boolean {
  return Object.values(filter).some((v) => v !== undefined && v !== '');
}

/** Names and statuses start A→Z and step 1 first; dates start with the most recent. */
export function firstDirection(field: EnrollmentSortField): SortDirection {
  return field === 'enrolledAt' || field === 'lastActivity' ? 'desc' : 'asc';
}

/** A filter with some fields changed; a field set to undefined is removed. */
export function patchFilter(filter: EnrollmentFilter, patch: Partial<EnrollmentFilter>): EnrollmentFilter {
  return withoutEmpty({ ...filter, ...patch });
}

/** Drops unset keys, so that equal views make equal query keys. */
function withoutEmpty<F extends object>(filter: F): F {
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)) as F;
}
