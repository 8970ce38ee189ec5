import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TableScroll } from './table-scroll';

function table() {
  return (
    <TableScroll>
      <table>
        <caption>Enrollments</caption>
        <tbody>
          <tr>
            <th scope="row">Ana Lind</th>
          </tr>
        </tbody>
      </table>
    </TableScroll>
  );
}

/** jsdom lays nothing out: give frames the widths a browser would. */
function widths(scrollWidth: number, clientWidth: number) {
  vi.spyOn(HTMLElement.prototype, 'scrollWidth', 'get').mockReturnValue(scrollWidth);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(clientWidth);
}

describe('TableScroll', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is a plain frame while the table fits', () => {
    widths(800, 800);
    const { container } = render(table());
    const frame = container.firstElementChild as HTMLElement;
    expect(frame).toHaveClass('table-wrap');
    expect(frame).not.toHaveAttribute('tabindex');
    expect(frame).not.toHaveAttribute('role');
    expect(frame).not.toHaveAttribute('data-overflowing');
  });

  it('becomes a group named after the table, in the tab order, when the table is wider', () => {
    widths(960, 360);
    render(table());
    const frame = screen.getByRole('group', { name: 'Enrollments' });
    expect(frame).toHaveAttribute('tabindex', '0');
    expect(frame).toHaveAttribute('data-overflowing');
    expect(screen.getByRole('table', { name: 'Enrollments' })).toBeInTheDocument();
  });
});
