import './segmented-control.css';
import { Label, Radio, RadioGroup } from 'react-aria-components';

interface SegmentedControlProps<K extends string> {
  label: string;
  options: ReadonlyArray<{ id: K; label: string }>;
  value: K;
  onChange: (value: K) => void;
}

/**
 * A choice among a few views (a period, a granularity) drawn as joined buttons. It is a radio
 * group: Tab reaches the checked option, the arrow keys choose another.
 */
export function SegmentedControl<K extends string>({ label, options, value, onChange }: SegmentedControlProps<K>) {
  return (
    <RadioGroup
      className="segmented"
      orientation="horizontal"
      value={value}
      onChange={(next) => {
        const option = options.find((o) => o.id === next);
        if (option && option.id !== value) onChange(option.id);
      }}
    >
      <Label className="segmented__label">{label}</Label>
      <div className="segmented__options">
        {options.map((option) => (
          <Radio key={option.id} value={option.id} className="segmented__option">
            {option.label}
          </Radio>
        ))}
      </div>
    </RadioGroup>
  );
}
