import type { BulkUnenrollRequest, EnrollmentFilter } from '../../contract/enrollments';
import { MAX_BULK_IDS } from '../../contract/values';

/**
 * Which enrollments of the Enrollments tab are selected: the ticked rows, or every enrollment
 * that matches the filter (most of which may not be loaded yet) but the ones unticked since.
 */
export type EnrollmentSelection =
  | { kind: 'ids'; ids: ReadonlySet<string> }
  | { kind: 'all'; except: ReadonlySet<string> };

export const NO_SELECTION: EnrollmentSelection = { kind: 'ids', ids: new Set() };
export const ALL_MATCHING: EnrollmentSelection = { kind: 'all', except: new Set() };

/** How many enrollments the selection holds; "all" counts the filter's total less the unticked. */
export function selectedCount(selection: EnrollmentSelection, total: number | undefined): number {
  return selection.kind === 'all' ? Math.max(0, (total ?? 0) - selection.except.size) : selection.ids.size;
}

export function isSelected(selection: EnrollmentSelection, id: string): boolean {
  return selection.kind === 'all' ? !selection.except.has(id) : selection.ids.has(id);
}

/** Ticks or unticks one row. Within "all matching", unticking keeps it all but that row. */
export function toggleRow(selection: EnrollmentSelection, id: string): EnrollmentSelection {
  const set = new Set(selection.kind === 'all' ? selection.except : selection.ids);
  if (set.has(id)) set.delete(id);
  else set.add(id);
  return selection.kind === 'all' ? { kind: 'all', except: set } : { kind: 'ids', ids: set };
}

/** The header checkbox: whether none, some or all of the loaded rows are selected. */
export function loadedState(selection: EnrollmentSelection, loadedIds: readonly string[]): 'none' | 'some' | 'all' {
  const ticked = loadedIds.filter((id) => isSelected(selection, id)).length;
  if (ticked === 0) return 'none';
  return ticked === loadedIds.length ? 'all' : 'some';
}

/** The header checkbox pressed: selects every loaded row, or clears when they all are. */
export function toggleLoaded(selection: EnrollmentSelection, loadedIds: readonly string[]): EnrollmentSelection {
  if (loadedState(selection, loadedIds) === 'all') return NO_SELECTION;
  if (selection.kind === 'all') {
    const except = new Set(selection.except);
    for (const id of loadedIds) except.delete(id);
    return { kind: 'all', except };
  }
  const ids = new Set(selection.ids);
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
  if (selection.kind === 'all') {
    const except = [...selection.except];
    return { by: 'filter', sequenceId, filter, ...(except.length ? { except } : {}), expectedTotal: confirmedCount };
  }
  if (selection.ids.size > MAX_BULK_IDS && selection.ids.size === total) {
    return { by: 'filter', sequenceId, filter, expectedTotal: confirmedCount };
  }
  return { by: 'ids', sequenceId, ids: [...selection.ids] };
}

/** A key that is equal for equal filters, whatever the order of their fields. */
export function filterKey(filter: EnrollmentFilter): string {
  return JSON.stringify(Object.entries(filter).sort(([a], [b]) => (a < b ? -1 : 1)));
}
