import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../../test/render-app';

describe('Integrations page', () => {
  it('says what keys are for when there is none', async () => {
    await renderApp({ url: '/settings/integrations', user: 'admin' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Integrations' })).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'No integration keys yet' })).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('creates a key, shows it once with a copy button, and revokes it after asking', async () => {
    const { user, api } = await renderApp({ url: '/settings/integrations', user: 'admin' });
    await user.click(await screen.findByRole('button', { name: 'Create key' }));
    let dialog = await screen.findByRole('dialog', { name: 'Create key' });
    await waitFor(() => expect(within(dialog).getByLabelText('Name')).toHaveFocus());
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(within(dialog).getByText('Enter a name for the key.')).toBeInTheDocument();

    await user.type(within(dialog).getByLabelText('Name'), 'CRM sync');
    await user.click(within(dialog).getByRole('radio', { name: 'Ingest' }));
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));

    dialog = await screen.findByRole('dialog', { name: 'Key for CRM sync' });
    const field = within(dialog).getByLabelText('Key') as HTMLInputElement;
    expect(field.value).toMatch(/^sdk_[\w-]{40,}$/);
    expect(field).toHaveAttribute('readonly');
    // Only a hash of it is kept.
    const stored = await api.db.query<{ key_hash: string; scope: string }>('SELECT key_hash, scope FROM integration_keys');
    expect(stored).toEqual([{ key_hash: expect.not.stringContaining(field.value), scope: 'ingest' }]);
    await user.click(within(dialog).getByRole('button', { name: 'Copy' }));
    expect(await navigator.clipboard.readText()).toBe(field.value);
    expect(within(dialog).getByRole('status')).toHaveTextContent('The key is on the clipboard.');
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    const table = await screen.findByRole('table', { name: 'Integration keys' });
    const row = within(table).getByRole('rowheader', { name: 'CRM sync' }).closest('tr')!;
    const cells = within(row).getAllByRole('cell').map((c) => c.textContent);
    expect(cells[0]).toBe(`${field.value.slice(0, 10)}…`);
    expect(cells[1]).toBe('Ingest');
    expect(cells[2]).toMatch(/by Jordan Blake$/);
    expect(cells[3]).toBe('Never');
    expect(cells[4]).toBe('Active');

    // Opened again, the dialog asks anew: the key is not shown a second time.
    await user.click(screen.getByRole('button', { name: 'Create key' }));
    dialog = await screen.findByRole('dialog', { name: 'Create key' });
    expect(within(dialog).queryByLabelText('Key')).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));

    await user.click(within(row).getByRole('button', { name: 'Revoke CRM sync' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Revoke CRM sync?' });
    await waitFor(() => expect(within(confirm).getByRole('button', { name: 'Cancel' })).toHaveFocus());
    await user.click(within(confirm).getByRole('button', { name: 'Revoke' }));
    expect(await screen.findByText('CRM sync was revoked.')).toBeInTheDocument();
    await waitFor(() => expect(within(row).getByText(/^Revoked /)).toBeInTheDocument());
    expect(within(row).queryByRole('button', { name: /Revoke/ })).not.toBeInTheDocument();
  });

  it('keeps the revoke dialog open with the reason when revoking fails', async () => {
    const { user, api } = await renderApp({ url: '/settings/integrations', user: 'admin' });
    await user.click(await screen.findByRole('button', { name: 'Create key' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create key' });
    await user.type(within(dialog).getByLabelText('Name'), 'Mail sync');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    await user.click(await screen.findByRole('button', { name: 'Done' }));
    api.faults.failEndpoint('revokeApiKey', 500);
    await user.click(await screen.findByRole('button', { name: 'Revoke Mail sync' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Revoke Mail sync?' });
    await user.click(within(confirm).getByRole('button', { name: 'Revoke' }));
    expect(await within(confirm).findByRole('alert')).toHaveTextContent('The key could not be revoked.');
  });

  it('shows a failure with a retry that loads the keys', async () => {
    const { api, user, router } = await renderApp({ url: '/sequences', user: 'admin' });
    await screen.findByRole('heading', { level: 1, name: 'Sequences' });
    api.faults.failEndpoint('listApiKeys', 500);
    await router.navigate('/settings/integrations');
    expect(await screen.findByRole('alert')).toHaveTextContent("We couldn't load the integration keys.");
    api.faults.reset();
    api.faults.delayEndpoint('listApiKeys', 300);
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Loading integration keys…')).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'No integration keys yet' })).toBeInTheDocument();
  });

  it('is not offered to other roles, and refused to them', async () => {
    const { router } = await renderApp({ url: '/sequences', user: 'marketer' });
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('link', { name: 'Integrations' })).not.toBeInTheDocument();
    await router.navigate('/settings/integrations');
    expect(await screen.findByRole('heading', { level: 1, name: 'No access' })).toBeInTheDocument();
  });
});
