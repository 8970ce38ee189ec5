export type SortDirection = 'asc' | 'desc';

interface SortHeaderProps {
  label: string;
  /** The direction when this column is the sort column, else undefined. */
  direction: SortDirection | undefined;
  onSort: () => void;
  /** Right-aligns the header over figures. */
  numeric?: boolean;
}

/** A column header that sorts the table: a button inside the th, with aria-sort on the th. */
export function SortHeader({ label, direction, onSort, numeric = false }: SortHeaderProps) {
  const ariaSort = direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : undefined;
  return (
    <th scope="col" aria-sort={ariaSort} className={numeric ? 'cell--numeric' : undefined}>
      <button type="button" className="sort-button" onClick={onSort}>
        <span>{label}</span>
        <svg className="sort-button__icon" data-direction={direction ?? 'none'} viewBox="0 0 10 14" aria-hidden="true" focusable="false">
          <path className="sort-button__up" d="M5 1 9 6H1z" />
          <path className="sort-button__down" d="M5 13 1 8h8z" />
        </svg>
      </button>
    </th>
  );
}
