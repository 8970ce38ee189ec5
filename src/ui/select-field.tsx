import { useId, type ComponentPropsWithRef, type ReactNode } from 'react';

type SelectProps = Omit<ComponentPropsWithRef<'select'>, 'id' | 'className' | 'value' | 'onChange' | 'children'>;

interface SelectFieldProps extends SelectProps {
  label: string;
  value: string;
  /** Called with the chosen option's value; the caller checks it is one it knows. */
  onChange: (value: string) => void;
  /** The options (and option groups). */
  children: ReactNode;
  /** The wrapper's class, and `<block>__label` the label's: `field` in forms and filters, `header-select` in the app header. */
  block?: 'field' | 'header-select';
}

/** A labelled native select: the label, then the select; other select attributes go to the select. */
export function SelectField({ label, value, onChange, children, block = 'field', ...select }: SelectFieldProps) {
  const id = useId();
  return (
    <div className={block}>
      <label htmlFor={id} className={`${block}__label`}>
        {label}
      </label>
      <select {...select} id={id} className="select" value={value} onChange={(event) => onChange(event.target.value)}>
        {children}
      </select>
    </div>
  );
}
