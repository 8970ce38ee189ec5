import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { request } from '../../../api/client';
import { api as endpoints } from '../../../contract/api';
import { renderApp } from '../../../test/render-app';

describe('Contacts page', () => {
  it('lists contacts by name, each linking to its record, with the total and Load more', async () => {
    const { user } = await renderApp({ url: '/contacts', user: 'rep' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Contacts' })).toBeInTheDocument();
    const first = await request(endpoints.searchContacts, { query: { limit: 50 } });
    const table = await screen.findByRole('table', { name: 'Contacts, by last name' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(50);
    const top = first.items[0]!;
    const link = within(rows[0]!).getByRole('link', { name: top.name });
    expect(link).toHaveAttribute('href', `/contacts/${top.id}`);
    expect(within(rows[0]!).getAllByRole('cell').map((c) => c.textContent)).toEqual([top.email, top.company ?? 'None']);
    expect(screen.getByRole('status', { name: '' })).toHaveTextContent(`${first.total.toLocaleString('en')} contacts`);
    // A rep may look but not import.
    expect(screen.queryByRole('link', { name: 'Import contacts' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Load more contacts' }));
    await within(table).findByRole('link', { name: (await request(endpoints.searchContacts, { query: { limit: 50, cursor: first.nextCursor! } })).items[0]!.name });
    expect(within(table).getAllByRole('row')).toHaveLength(101);
  });

  it('searches by email, and says when nothing matches', async () => {
    const { user } = await renderApp({ url: '/contacts', user: 'manager' });
    const table = await screen.findByRole('table', { name: 'Contacts, by last name' });
    const second = within(table).getAllByRole('row')[2]!;
    const email = within(second).getAllByRole('cell')[0]!.textContent!;
    await user.type(screen.getByRole('searchbox', { name: 'Search contacts' }), `${email}{Enter}`);
    await screen.findByText('1 contact');
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    expect(within(table).getByRole('cell', { name: email })).toBeInTheDocument();

    await user.clear(screen.getByRole('searchbox', { name: 'Search contacts' }));
    await user.type(screen.getByRole('searchbox', { name: 'Search contacts' }), 'zz-nobody-zz{Enter}');
    expect(await screen.findByRole('heading', { name: 'No contacts match “zz-nobody-zz”' })).toBeInTheDocument();
  });

  it('says there are no contacts yet, offering Import contacts to those who may', async () => {
    const { api, router } = await renderApp({ url: '/sequences', user: 'marketer' });
    await screen.findByRole('heading', { level: 1, name: 'Sequences' });
    await api.db.exec('TRUNCATE contacts CASCADE');
    await router.navigate('/contacts');
    expect(await screen.findByRole('heading', { name: 'No contacts yet' })).toBeInTheDocument();
    const state = screen.getByRole('heading', { name: 'No contacts yet' }).parentElement!;
    expect(within(state).getByRole('link', { name: 'Import contacts' })).toHaveAttribute('href', '/contacts/import');
  });

  it('shows a failure with a retry that loads the contacts', async () => {
    const { api, user, router } = await renderApp({ url: '/sequences', user: 'rep' });
    await screen.findByRole('heading', { level: 1, name: 'Sequences' });
    api.faults.failEndpoint('searchContacts', 500);
    await router.navigate('/contacts');
    expect(await screen.findByRole('heading', { name: "We couldn't load the contacts." })).toBeInTheDocument();
    api.faults.reset();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table', { name: 'Contacts, by last name' })).toBeInTheDocument();
  });

  it('does not let a rep open Import contacts', async () => {
    await renderApp({ url: '/contacts/import', user: 'rep' });
    expect(await screen.findByRole('heading', { level: 1 })).not.toHaveTextContent('Import contacts');
    expect(screen.queryByLabelText('CSV file')).not.toBeInTheDocument();
  });
});
