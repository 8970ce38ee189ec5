import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ContactSummary } from '../../../contract/contacts';
import { LoadMoreFooter } from '../../../ui/load-more-footer';
import { TableScroll } from '../../../ui/table-scroll';

interface ContactsTableProps {
  rows: readonly ContactSummary[];
  /** A newer search is loading; the rows shown are the previous ones. */
  isUpdating: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  hasNextPage: boolean;
  onLoadMore: () => void;
}

/** The contacts loaded so far, each linking to its record, with Load more below. */
export function ContactsTable({ rows, isUpdating, ...footer }: ContactsTableProps) {
  const { t } = useTranslation();
  return (
    <TableScroll>
      <table className="table" aria-busy={isUpdating || undefined}>
        <caption className="visually-hidden">{t('contacts.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('contacts.columns.name')}</th>
            <th scope="col">{t('contacts.columns.email')}</th>
            <th scope="col">{t('contacts.columns.company')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((contact) => (
            <tr key={contact.id}>
              <th scope="row" className="cell--primary">
                <Link to={`/contacts/${encodeURIComponent(contact.id)}`}>{contact.name || t('contacts.noName')}</Link>
              </th>
              <td className="cell--break">{contact.email}</td>
              <td>{contact.company ?? <span className="text-muted">{t('contacts.noCompany')}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <LoadMoreFooter
        {...footer}
        labels={{ loading: t('contacts.loadingMore'), failed: t('contacts.loadMoreFailed'), loadMore: t('contacts.loadMore') }}
      />
    </TableScroll>
  );
}
