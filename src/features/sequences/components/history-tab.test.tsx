import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { request } from '../../../api/client';
import { api as endpoints } from '../../../contract/api';
import { renderApp } from '../../../test/render-app';

const SEQUENCE = '1';
const number = (n: number) => new Intl.NumberFormat('en').format(n);

describe('History tab', () => {
  it('is offered to managers: empty at first, then records a bulk unenroll with its filter', async () => {
    const { user } = await renderApp({ url: `/sequences/${SEQUENCE}?tab=history`, user: 'manager' });
    expect(await screen.findByRole('tab', { name: 'History' })).toHaveAttribute('aria-selected', 'true');
    expect(await screen.findByRole('heading', { name: 'No history yet' })).toBeInTheDocument();

    // Unenroll every paused contact by the filter, then read the entry.
    await user.click(screen.getByRole('tab', { name: 'Enrollments' }));
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Status' }), 'Paused');
    const table = await screen.findByRole('table');
    await waitFor(() => expect(table).not.toHaveAttribute('aria-busy'));
    const { total } = await request(endpoints.countEnrollments, { params: { id: SEQUENCE }, query: { status: 'paused' } });
    await user.click(screen.getByRole('checkbox', { name: 'Select all loaded rows' }));
    await user.click(screen.getByRole('button', { name: `Select all ${number(total)} matching` }));
    await user.click(screen.getByRole('button', { name: 'Unenroll' }));
    const dialog = await screen.findByRole('alertdialog', { name: /^Unenroll \d/ });
    await user.click(within(dialog).getByRole('button', { name: 'Unenroll' }));
    await screen.findByText(`${number(total)} contacts unenrolled.`);

    await user.click(screen.getByRole('tab', { name: 'History' }));
    const history = await screen.findByRole('table', { name: 'History of this sequence, newest first' });
    const [entry] = within(history).getAllByRole('row').slice(1);
    const cells = within(entry!).getAllByRole('cell');
    expect(cells[0]!.querySelector('time')).toHaveAttribute('datetime');
    expect(cells[1]).toHaveTextContent('Morgan Lee');
    expect(cells[2]).toHaveTextContent('Unenrolled in bulk');
    expect(cells[3]).toHaveTextContent(number(total));
    expect(cells[4]).toHaveTextContent('Status: Paused');
  });

  it('shows an error with a retry when the history fails to load', async () => {
    const { user, api } = await renderApp({ url: `/sequences/${SEQUENCE}`, user: 'admin' });
    await screen.findByRole('tab', { name: 'History' });
    api.faults.failEndpoint('listHistory', 500);
    await user.click(screen.getByRole('tab', { name: 'History' }));
    expect(await screen.findByRole('heading', { name: "We couldn't load the history." })).toBeInTheDocument();
    api.faults.reset();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'No history yet' })).toBeInTheDocument();
  });

  it('is not offered to a rep, even from a link', async () => {
    await renderApp({ url: `/sequences/${SEQUENCE}?tab=history`, user: 'rep' });
    expect(await screen.findByRole('tab', { name: 'Enrollments' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.queryByRole('tab', { name: 'History' })).not.toBeInTheDocument();
    expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual(['Enrollments', 'Scheduled']);
  });
});

describe('the "same company" setting', () => {
  it('is a switch for managers that saves, and History records the change', async () => {
    const { user, api } = await renderApp({ url: `/sequences/${SEQUENCE}`, user: 'manager' });
    const toggle = await screen.findByRole('switch', { name: 'Unenroll contacts from the same company' });
    expect(toggle).not.toBeChecked();
    expect(toggle).toHaveAccessibleDescription(/everyone else from their company leaves this sequence too/);

    await user.click(toggle);
    await waitFor(() => expect(toggle).toBeChecked());
    await waitFor(async () => {
      const [saved] = await api.db.query<{ on: boolean }>('SELECT unenroll_same_company AS on FROM sequences WHERE id = 1');
      expect(saved!.on).toBe(true);
    });

    await user.click(screen.getByRole('tab', { name: 'History' }));
    const history = await screen.findByRole('table', { name: 'History of this sequence, newest first' });
    expect(within(history).getAllByRole('row')[1]).toHaveTextContent('Turned on unenrolling contacts from the same company');
  });

  it('keeps the saved value when saving fails', async () => {
    const { user, api } = await renderApp({ url: `/sequences/${SEQUENCE}`, user: 'admin' });
    const toggle = await screen.findByRole('switch', { name: 'Unenroll contacts from the same company' });
    api.faults.failEndpoint('updateSequenceSettings', 500);
    await user.click(toggle);
    const toasts = await screen.findByRole('region', { name: 'Notifications' });
    expect(within(toasts).getByText('Something went wrong on our side. Try again.')).toBeInTheDocument();
    expect(toggle).not.toBeChecked();
  });

  it('is read-only text for a rep', async () => {
    await renderApp({ url: `/sequences/${SEQUENCE}`, user: 'rep' });
    expect(await screen.findByText('Unenroll contacts from the same company: Off')).toBeInTheDocument();
    expect(screen.queryByRole('switch')).not.toBeInTheDocument();
  });
});
