import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_FIELDS, type ImportField, type ImportPlan } from '../../../domain/contact-import';
import { formatInteger } from '../../../i18n/format';
import { TableScroll } from '../../../ui/table-scroll';
import type { CsvTable } from '../read-csv';
import { ImportBadRows } from './import-bad-rows';

/** Most rows with problems listed; the rest are counted. */
const LISTED_BAD_ROWS = 100;

interface ImportPreviewProps {
  fileName: string;
  table: CsvTable;
  columns: readonly (ImportField | null)[];
  onColumnsChange: (columns: (ImportField | null)[]) => void;
  plan: ImportPlan;
  onImport: () => void;
  onChooseAnother: () => void;
}

/** What the file holds before anything is imported: each column and what it is imported as
 * (changeable), how many rows are ready, and each row that is not, with its reason. */
export function ImportPreview({ fileName, table, columns, onColumnsChange, plan, onImport, onChooseAnother }: ImportPreviewProps) {
  const { t } = useTranslation();
  const id = useId();
  const hasEmail = columns.includes('email');
  const ready = hasEmail ? plan.rows.length : 0;
  const firstLine = table.lines[0] ?? [];
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The file is read: start the keyboard and the screen reader on what it holds.
  useEffect(() => headingRef.current?.focus(), []);

  const setColumn = (index: number, field: ImportField | null) =>
    // A field is one column's: choosing it here frees the column that had it.
    onColumnsChange(columns.map((f, i) => (i === index ? field : f === field ? null : f)));

  const columnName = (header: string, index: number) =>
    header || t('contacts.import.unnamedColumn', { position: index + 1 });

  return (
    <div className="import-preview">
      <section aria-labelledby={`${id}-columns`}>
        <h2 id={`${id}-columns`} className="import-title" ref={headingRef} tabIndex={-1}>
          {t('contacts.import.columnsTitle')}
        </h2>
        <TableScroll>
          <table className="table table--compact">
            <caption className="visually-hidden">{t('contacts.import.columnsCaption', { file: fileName })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('contacts.import.columnHeader')}</th>
                <th scope="col">{t('contacts.import.exampleHeader')}</th>
                <th scope="col">{t('contacts.import.matchHeader')}</th>
              </tr>
            </thead>
            <tbody>
              {table.headers.map((header, index) => (
                <tr key={index}>
                  <th scope="row" className="cell--break">
                    {columnName(header, index)}
                  </th>
                  <td className="cell--break">{firstLine[index] ?? ''}</td>
                  <td>
                    <select
                      className="select"
                      aria-label={t('contacts.import.matchLabel', { column: columnName(header, index) })}
                      value={columns[index] ?? ''}
                      onChange={(event) => setColumn(index, (event.target.value || null) as ImportField | null)}
                    >
                      <option value="">{t('contacts.import.fields.none')}</option>
                      {IMPORT_FIELDS.map((field) => (
                        <option key={field} value={field}>
                          {t(`contacts.import.fields.${field}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        {!hasEmail ? (
          <p className="alert alert--error import-preview__alert" role="alert">
            {t('contacts.import.noEmailColumn')}
          </p>
        ) : null}
      </section>

      {hasEmail ? (
        <section aria-labelledby={`${id}-counts`}>
          <h2 id={`${id}-counts`} className="import-title">
            {t('contacts.import.countsTitle')}
          </h2>
          <dl className="import-counts">
            <div>
              <dt>{t('contacts.import.counts.rows')}</dt>
              <dd>{formatInteger(table.lines.length)}</dd>
            </div>
            <div>
              <dt>{t('contacts.import.counts.ready')}</dt>
              <dd>{formatInteger(plan.rows.length)}</dd>
            </div>
            <div>
              <dt>{t('contacts.import.counts.bad')}</dt>
              <dd>{formatInteger(plan.badRows.length)}</dd>
            </div>
          </dl>
          {table.lines.length === 0 ? <p className="alert alert--error">{t('contacts.import.noRows')}</p> : null}
        </section>
      ) : null}

      {hasEmail && plan.badRows.length > 0 ? (
        <section aria-labelledby={`${id}-bad`}>
          <h2 id={`${id}-bad`} className="import-title">
            {t('contacts.import.badRowsTitle')}
          </h2>
          <ImportBadRows rows={plan.badRows.slice(0, LISTED_BAD_ROWS)} />
          {plan.badRows.length > LISTED_BAD_ROWS ? (
            <p className="text-muted">{t('contacts.import.moreBadRows', { count: plan.badRows.length - LISTED_BAD_ROWS })}</p>
          ) : null}
        </section>
      ) : null}

      <div className="import-actions">
        {ready > 0 ? (
          <button type="button" className="button button--primary" onClick={onImport}>
            {t('contacts.import.submit', { count: ready })}
          </button>
        ) : null}
        <button type="button" className="button" onClick={onChooseAnother}>
          {t('contacts.import.chooseAnother')}
        </button>
      </div>
    </div>
  );
}
