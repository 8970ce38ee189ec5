import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { NotSentEmail } from '../../../contract/email-health';
import { TableScroll } from '../../../ui/table-scroll';
import { formatMoment } from '../format';

interface NotSentTableProps {
  items: readonly NotSentEmail[];
  caption: string;
  isUpdating: boolean;
  ref?: Ref<HTMLTableElement>;
}

/** One row per email not sent: the contact (a link to their record), when, and which kind. */
export function NotSentTable({ items, caption, isUpdating, ref }: NotSentTableProps) {
  const { t } = useTranslation();
  return (
    <TableScroll>
      <table ref={ref} className="table" aria-busy={isUpdating || undefined}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('health.notSentList.columns.contact')}</th>
            <th scope="col">{t('health.notSentList.columns.email')}</th>
            <th scope="col">{t('health.notSentList.columns.date')}</th>
            <th scope="col">{t('health.notSentList.columns.kind')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <th scope="row" className="cell--primary">
                <Link to={`/contacts/${encodeURIComponent(item.contact.id)}`}>{item.contact.name}</Link>
              </th>
              <td>{item.contact.email}</td>
              <td className="cell--nowrap">{formatMoment(item.occurredAt)}</td>
              <td>{t(`health.emailKind.${item.kind}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
