import { useTranslation } from 'react-i18next';

interface LoadMoreFooterProps {
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  hasNextPage: boolean;
  onLoadMore: () => void;
  /** What the list is loading, failed to load, and the button that asks for more. */
  labels: { loading: string; failed: string; loadMore: string };
}

/** Under a list read page by page: Load more, the next page on its way, or why it failed with a retry. */
export function LoadMoreFooter({ isFetchingNextPage, isFetchNextPageError, hasNextPage, onLoadMore, labels }: LoadMoreFooterProps) {
  const { t } = useTranslation();
  if (isFetchingNextPage) {
    return (
      <div className="table-footer" role="status">
        <span className="loading__spinner" aria-hidden="true" />
        {labels.loading}
      </div>
    );
  }
  if (isFetchNextPageError) {
    return (
      <div className="table-footer" role="alert">
        {labels.failed}{' '}
        <button type="button" className="button button--small" onClick={onLoadMore}>
          {t('common.tryAgain')}
        </button>
      </div>
    );
  }
  if (!hasNextPage) return null;
  return (
    <div className="table-footer">
      <button type="button" className="button button--small" onClick={onLoadMore}>
        {labels.loadMore}
      </button>
    </div>
  );
}
