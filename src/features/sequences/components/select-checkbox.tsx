import { Checkbox } from 'react-aria-components';

interface SelectCheckboxProps {
  /** What ticking it selects, e.g. "Select Ada Lovelace". */
  label: string;
  isSelected: boolean;
  isIndeterminate?: boolean;
  onChange: () => void;
}

/** A table's selection checkbox: a native checkbox underneath, drawn as a box. */
export function SelectCheckbox({ label, isSelected, isIndeterminate = false, onChange }: SelectCheckboxProps) {
  return (
    <Checkbox
      className="select-checkbox"
      aria-label={label}
      isSelected={isSelected}
      isIndeterminate={isIndeterminate}
      onChange={onChange}
      // Not a form field: with the default ("native"), every render of every row's box sets
      // and reads the input's validity in a layout effect.
      validationBehavior="aria"
    >
      <span className="select-checkbox__box" aria-hidden="true">
        <svg viewBox="0 0 16 16" focusable="false">
          {isIndeterminate ? <path d="M4 8h8" /> : isSelected ? <path d="M3.5 8.5l3 3 6-7" /> : null}
        </svg>
      </span>
    </Checkbox>
  );
}
