import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SelectField } from './select-field';

describe('SelectField', () => {
  it('is a select named by its label, and reports the chosen value', () => {
    const onChange = vi.fn();
    render(
      <SelectField label="Kind" value="" onChange={onChange}>
        <option value="">All</option>
        <option value="sales">Sales</option>
      </SelectField>,
    );
    const select = screen.getByRole('combobox', { name: 'Kind' });
    expect(select).toHaveValue('');
    fireEvent.change(select, { target: { value: 'sales' } });
    expect(onChange).toHaveBeenCalledWith('sales');
  });

  it('takes the class of its block: a form field by default, or the header select', () => {
    const { container } = render(
      <SelectField block="header-select" label="Language" value="en" onChange={() => {}}>
        <option value="en">English</option>
      </SelectField>,
    );
    expect(container.firstElementChild).toHaveClass('header-select');
    expect(screen.getByText('Language')).toHaveClass('header-select__label');
  });
});
