import type { EnrollmentFilter } from '../../contract/enrollments';
import { MAX_BULK_IDS, type BulkUnenrollRequest } from '../../contract/unenrolling';

/**
 * Which enrollments of the Enrollments tab are selected: the ticked rows, or every enrollment
 * that matches the filter (most of which may not be loaded yet).
 */
export type EnrollmentSelection = { kind: 'ids'; ids: ReadonlySet<string> } | { kind: 'all' };

export const NO_SELECTION: EnrollmentSelection = { kind: 'ids', ids: new Set() };

/** How many enrollments the selection holds; "all" counts the filter's total. */
export function selectedCount(selection: EnrollmentSelection, total: number | undefined): number {
  return selection.kind === 'all' ? (total ?? 0) : selection.ids.size;
}

export function isSelected(selection: EnrollmentSelection, id: string): boolean {
  return selection.kind === 'all' || selection.ids.has(id);
}

/** Ticks or unticks one row. Unticking a row of "all matching" keeps the other loaded rows. */
export function toggleRow(selection: EnrollmentSelection, id: string, loadedIds: readonly string[]): EnrollmentSelection {
  const ids = new Set(selection.kind === 'all' ? loadedIds : selection.ids);
  if (selection.kind === 'all' || ids.has(id)) ids.delete(id);
  else ids.add(id);
  return { kind: 'ids', ids };
}

/** The header checkbox: whether none, some or all of the loaded rows are selected. */
export function loadedState(selection: EnrollmentSelection, loadedIds: readonly string[]): 'none' | 'some' | 'all' {
  if (selection.kind === 'all') return 'all';
  const ticked = loadedIds.filter((id) => selection.ids.has(id)).length;
  if (ticked === 0) return 'none';
  return ticked === loadedIds.length ? 'all' : 'some';
}

/** The header checkbox pressed: selects every loaded row, or clears when they all are. */
export function toggleLoaded(selection: EnrollmentSelection, loadedIds: readonly string[]): EnrollmentSelection {
  if (loadedState(selection, loadedIds) === 'all') return NO_SELECTION;
  const ids = new Set(selection.kind === 'ids' ? selection.ids : []);
  for (const id of loadedIds) ids.add(id);
  return { kind: 'ids', ids };
}

/**
 * The bulk unenroll request for a selection: the ids, or the filter with the count the user
 * confirmed. Ticking every row of a long list can name more ids than one request takes; when
 * those are all that match, the filter says the same.
 */
export function bulkUnenrollRequest(
  sequenceId: string,
  selection: EnrollmentSelection,
  filter: EnrollmentFilter,
  confirmedCount: number,
  total: number | undefined,
): BulkUnenrollRequest {
  const byFilter = selection.kind === 'all' || (selection.ids.size > MAX_BULK_IDS && selection.ids.size === total);
  return byFilter
    ? { by: 'filter', sequenceId, filter, expectedTotal: confirmedCount }
    : { by: 'ids', sequenceId, ids: [...selection.ids] };
}

/** A key that is equal for equal filters, whatever the order of their fields. */
export function filterKey(filter: EnrollmentFilter): string {
  return JSON.stringify(Object.entries(filter).sort(([a], [b]) => (a < b ? -1 : 1)));
}
