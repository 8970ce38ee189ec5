import type { TFunction } from 'i18next';
import type { PagedListLabels } from '../../../ui/paged-list';

/** What a sequence tab's paged list says while it loads, when it fails and under its rows: the
 * History and Scheduled tabs each name these five lines alike in their own catalog section. */
export function tabListLabels(t: TFunction, section: 'history' | 'scheduled'): PagedListLabels {
  return {
    loading: t(`${section}.loading`),
    loadFailed: t(`${section}.loadFailed`),
    loadingMore: t(`${section}.loadingMore`),
    loadMoreFailed: t(`${section}.loadMoreFailed`),
    loadMore: t(`${section}.loadMore`),
  };
}
