import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TextField } from './text-field';

const field = (props: Partial<Parameters<typeof TextField>[0]> = {}) =>
  render(<TextField label="Name" value="" onChange={() => {}} {...props} />);

describe('TextField', () => {
  it('is described by its hint, and is valid, until there is an error', () => {
    field({ hint: 'Where the key is used.' });
    const input = screen.getByLabelText('Name');
    expect(input).toHaveAccessibleDescription('Where the key is used.');
    expect(input).not.toBeInvalid();
  });

  it('with an error, is invalid and described by the hint, then the error', () => {
    field({ hint: 'Where the key is used.', error: 'Enter a name.' });
    const input = screen.getByLabelText('Name');
    expect(input).toBeInvalid();
    expect(input).toHaveAccessibleDescription('Where the key is used. Enter a name.');
  });

  it('reads the error first when told to', () => {
    field({ hint: 'At least 12 characters.', error: 'Use at least 12 characters.', errorBeforeHint: true });
    expect(screen.getByLabelText('Name')).toHaveAccessibleDescription('Use at least 12 characters. At least 12 characters.');
  });

  it('has no description without hint or error', () => {
    field();
    expect(screen.getByLabelText('Name')).not.toHaveAttribute('aria-describedby');
  });
});
