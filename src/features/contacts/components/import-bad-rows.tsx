import { useTranslation } from 'react-i18next';
import type { BadRow } from '../../../domain/contact-import';
import { formatInteger } from '../../../i18n/format';
import { ColumnHeader } from '../../../ui/column-header';
import { TableScroll } from '../../../ui/table-scroll';

/** The rows of the file that will not be imported, each with its line and reason. */
export function ImportBadRows({ rows }: { rows: readonly BadRow[] }) {
  const { t } = useTranslation();
  const reason = (row: BadRow) =>
    row.problem === 'duplicate-email'
      ? t('contacts.import.reasons.duplicate-email', { line: row.firstLine ?? 0 })
      : row.problem === 'invalid-yes-no' || row.problem === 'too-long'
        ? t(`contacts.import.reasons.${row.problem}`, { field: t(`contacts.import.fields.${row.field}`) })
        : t(`contacts.import.reasons.${row.problem}`);
  return (
    <TableScroll>
      <table className="table table--compact">
        <caption className="visually-hidden">{t('contacts.import.badRowsCaption')}</caption>
        <thead>
          <tr>
            <ColumnHeader numeric>{t('contacts.import.lineHeader')}</ColumnHeader>
            <ColumnHeader>{t('contacts.import.problemHeader')}</ColumnHeader>
            <ColumnHeader>{t('contacts.import.valueHeader')}</ColumnHeader>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.line}>
              <th scope="row" className="cell--numeric">
                {formatInteger(row.line)}
              </th>
              <td>{reason(row)}</td>
              <td className="cell--break">{row.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
