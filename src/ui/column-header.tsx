import type { ReactNode } from 'react';

/** A table's plain column header (a th of scope col); `numeric` right-aligns it over figures, as
 * SortHeader does for the columns that sort. */
export function ColumnHeader({ numeric = false, children }: { numeric?: boolean; children: ReactNode }) {
  return (
    <th scope="col" className={numeric ? 'cell--numeric' : undefined}>
      {children}
    </th>
  );
}
