/** What an infinite (keyset-paged) query looks like to a screen deciding what to show. */
export interface PagedListState<T> {
  data?: { pages: ReadonlyArray<{ items: readonly T[] }> };
  isPending: boolean;
  isError: boolean;
  isFetching: boolean;
  isFetchingNextPage: boolean;
  isPlaceholderData: boolean;
}

export type PagedView<T> = { state: 'loading' } | { state: 'failed' } | { state: 'ready'; rows: T[] };

/**
 * Loading, failed, or the rows loaded so far. A new view loading over an empty previous one
 * counts as loading (rather than saying "nothing"), and so does a retry after a failure; a
 * failed next page keeps the rows (the list's footer says so).
 */
export function pagedView<T>(list: PagedListState<T>): PagedView<T> {
  const loadingOverEmpty = list.isPlaceholderData && !list.data?.pages[0]?.items.length;
  if (list.isPending || loadingOverEmpty || (list.isError && list.isFetching && !list.isFetchingNextPage)) {
    return { state: 'loading' };
  }
  if (!list.data) return { state: 'failed' };
  return { state: 'ready', rows: list.data.pages.flatMap((page) => page.items) };
}
