import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../../test/render-app';

const rowOf = (table: HTMLElement, name: string) => within(table).getByRole('rowheader', { name: new RegExp(`^${name}`) }).closest('tr')!;

describe('Users page', () => {
  it('lists everyone with role, state and last sign-in, and explains why the last admin has no actions', async () => {
    await renderApp({ url: '/settings/users', user: 'admin' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Users' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Users' });

    const admin = rowOf(table, 'Jordan Blake');
    expect(within(admin).getByText('You')).toBeInTheDocument();
    expect(within(admin).getByText('Administrator')).toBeInTheDocument();
    expect(within(admin).getByText('Active')).toBeInTheDocument();
    // The admin just signed in: the time is shown, not "Never".
    expect(within(admin).queryByText('Never')).not.toBeInTheDocument();
    const changeRole = within(admin).getByRole('button', { name: 'Change role of Jordan Blake' });
    expect(changeRole).toHaveAttribute('aria-disabled', 'true');
    expect(changeRole).toHaveAccessibleDescription(/The last active admin/);
    // Nobody deactivates themselves.
    expect(within(admin).queryByRole('button', { name: /Deactivate/ })).not.toBeInTheDocument();

    const left = rowOf(table, 'Kevin Doyle');
    expect(within(left).getByText('Deactivated')).toBeInTheDocument();
    expect(within(left).queryByRole('button')).not.toBeInTheDocument();
    expect(within(rowOf(table, 'Sam Rivera')).getByText('Sales rep')).toBeInTheDocument();
  });

  it('invites a user and shows the one-time link to copy, once', async () => {
    const { user } = await renderApp({ url: '/settings/users', user: 'admin' });
    await user.click(await screen.findByRole('button', { name: 'Invite user' }));
    let dialog = await screen.findByRole('dialog', { name: 'Invite user' });
    await waitFor(() => expect(within(dialog).getByLabelText('Email')).toHaveFocus());

    await user.click(within(dialog).getByRole('button', { name: 'Invite' }));
    expect(within(dialog).getByText('Enter an email address.')).toBeInTheDocument();
    expect(within(dialog).getByText("Enter the person's name.")).toBeInTheDocument();

    await user.type(within(dialog).getByLabelText('Email'), 'river@example.com');
    await user.type(within(dialog).getByLabelText('Name'), 'River Song');
    await user.selectOptions(within(dialog).getByLabelText('Role'), 'Sales manager');
    await user.click(within(dialog).getByRole('button', { name: 'Invite' }));

    dialog = await screen.findByRole('dialog', { name: 'Invite link for River Song' });
    const link = within(dialog).getByLabelText('Invite link');
    const url = (link as HTMLInputElement).value;
    expect(url).toMatch(/^http:\/\/localhost(:\d+)?\/invite#[\w-]{40,}$/);
    expect(link).toHaveAccessibleDescription(/Shown only now: copy it and send it to river@example.com/);
    await user.click(within(dialog).getByRole('button', { name: 'Copy' }));
    expect(await navigator.clipboard.readText()).toBe(url);
    expect(within(dialog).getByRole('status')).toHaveTextContent('The invite link is on the clipboard.');

    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const row = rowOf(screen.getByRole('table', { name: 'Users' }), 'River Song');
    expect(within(row).getByText('Invited')).toBeInTheDocument();
    expect(within(row).getByText('Sales manager')).toBeInTheDocument();

    // Opened again, the dialog asks anew: the link is not shown a second time.
    await user.click(screen.getByRole('button', { name: 'Invite user' }));
    dialog = await screen.findByRole('dialog', { name: 'Invite user' });
    expect(within(dialog).queryByLabelText('Invite link')).not.toBeInTheDocument();
    expect(within(dialog).getByLabelText('Email')).toHaveValue('');
  });

  it('says why someone who can already sign in cannot be invited', async () => {
    const { user } = await renderApp({ url: '/settings/users', user: 'admin' });
    await user.click(await screen.findByRole('button', { name: 'Invite user' }));
    const dialog = await screen.findByRole('dialog', { name: 'Invite user' });
    await user.type(within(dialog).getByLabelText('Email'), 'rep@example.com');
    await user.type(within(dialog).getByLabelText('Name'), 'Sam Again');
    await user.click(within(dialog).getByRole('button', { name: 'Invite' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('This person can already sign in');
  });

  it('invites a person the ingest API brought in from their row', async () => {
    const { api, user } = await renderApp({ url: '/sequences', user: 'admin' });
    await api.db.query(
      `INSERT INTO users (email, name, role, password_hash, external_id, team_id)
       VALUES ('synced@example.com', 'Synced Person', 'rep', NULL, 'crm-7', (SELECT min(id) FROM teams))`,
    );
    await user.click(await screen.findByRole('link', { name: 'Users' }));
    const row = rowOf(await screen.findByRole('table', { name: 'Users' }), 'Synced Person');
    expect(within(row).getByText('Not invited')).toBeInTheDocument();
    expect(within(row).getByText('From an integration')).toBeInTheDocument();
    expect(within(row).getByText('Never')).toBeInTheDocument();
    await user.click(within(row).getByRole('button', { name: 'Invite Synced Person' }));
    const dialog = await screen.findByRole('dialog', { name: 'Invite link for Synced Person' });
    expect((within(dialog).getByLabelText('Invite link') as HTMLInputElement).value).toMatch(/\/invite#[\w-]{40,}$/);
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    expect(await within(rowOf(screen.getByRole('table', { name: 'Users' }), 'Synced Person')).findByText('Invited')).toBeInTheDocument();
  });

  it('changes a role and deactivates a person after asking', async () => {
    const { user } = await renderApp({ url: '/settings/users', user: 'admin' });
    const table = await screen.findByRole('table', { name: 'Users' });
    await user.click(within(rowOf(table, 'Morgan Lee')).getByRole('button', { name: 'Change role of Morgan Lee' }));
    const dialog = await screen.findByRole('dialog', { name: 'Change the role of Morgan Lee' });
    await user.selectOptions(within(dialog).getByLabelText('Role'), 'Marketer');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Morgan Lee is now Marketer.')).toBeInTheDocument();
    await waitFor(() => expect(within(rowOf(table, 'Morgan Lee')).getByText('Marketer')).toBeInTheDocument());

    await user.click(within(rowOf(table, 'Alex Kim')).getByRole('button', { name: 'Deactivate Alex Kim' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Deactivate Alex Kim?' });
    await waitFor(() => expect(within(confirm).getByRole('button', { name: 'Cancel' })).toHaveFocus());
    await user.click(within(confirm).getByRole('button', { name: 'Deactivate' }));
    expect(await screen.findByText('Alex Kim was deactivated.')).toBeInTheDocument();
    await waitFor(() => expect(within(rowOf(table, 'Alex Kim')).getByText('Deactivated')).toBeInTheDocument());
  });

  it('shows the server refusing to demote the last admin in the dialog', async () => {
    const { api, user } = await renderApp({ url: '/settings/users', user: 'admin' });
    const table = await screen.findByRole('table', { name: 'Users' });
    await user.click(within(rowOf(table, 'Morgan Lee')).getByRole('button', { name: 'Change role of Morgan Lee' }));
    const dialog = await screen.findByRole('dialog', { name: 'Change the role of Morgan Lee' });
    api.faults.failEndpoint('updateUser', 409);
    await user.selectOptions(within(dialog).getByLabelText('Role'), 'Administrator');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Sequence Desk needs one active admin');
  });

  it('shows a loading state, then a failure with a retry that loads the users', async () => {
    const { api, user, router } = await renderApp({ url: '/sequences', user: 'admin' });
    await screen.findByRole('heading', { level: 1, name: 'Sequences' });
    api.faults.failEndpoint('listUsers', 500);
    await router.navigate('/settings/users');
    expect(await screen.findByRole('alert')).toHaveTextContent("We couldn't load the users.");
    api.faults.reset();
    api.faults.delayEndpoint('listUsers', 300);
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Loading users…')).toBeInTheDocument();
    expect(await screen.findByRole('table', { name: 'Users' })).toBeInTheDocument();
  });

  it('is not offered to other roles, and refused to them', async () => {
    const { router } = await renderApp({ url: '/sequences', user: 'manager' });
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('link', { name: 'Users' })).not.toBeInTheDocument();
    expect(within(nav).queryByRole('link', { name: 'Integrations' })).not.toBeInTheDocument();
    await router.navigate('/settings/users');
    expect(await screen.findByRole('heading', { level: 1, name: 'No access' })).toBeInTheDocument();
  });
});
