import type { TFunction } from 'i18next';
import type { PagedListLabels } from '../../ui/paged-list';

/** What a marketing list (the marketing emails, the contacts to review) says while it loads and
 * when it fails, given its own lines, with the lines under its rows that both lists share. */
export function marketingListLabels(t: TFunction, own: Pick<PagedListLabels, 'loading' | 'loadFailed'>): PagedListLabels {
  return {
    ...own,
    loadingMore: t('probation.wizard.step4.loadingMore'),
    loadMoreFailed: t('probation.wizard.step4.moreFailed'),
    loadMore: t('probation.wizard.step4.showMore'),
  };
}
