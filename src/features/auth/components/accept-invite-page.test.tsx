import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../../test/render-app';

const TOKEN = 'invite-token-for-a-component-test-0123456789';

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A person invited a minute ago, as the Users screen makes one (only the token's hash kept). */
async function invitePerson(db: { query: (sql: string, params?: unknown[]) => Promise<unknown[]> }) {
  const [row] = (await db.query(
    `INSERT INTO users (email, name, role, password_hash, team_id)
     VALUES ('robin@example.com', 'Robin Vale', 'manager', NULL, (SELECT min(id) FROM teams)) RETURNING id`,
  )) as Array<{ id: number }>;
  await db.query(
    `INSERT INTO user_invites (user_id, token_hash, created_at, expires_at) VALUES ($1, $2, now(), now() + interval '7 days')`,
    [row!.id, await sha256Hex(TOKEN)],
  );
}

describe('the invite page', () => {
  it('sets the password from the link and signs the person in', async () => {
    const { api, user } = await renderApp({ url: '/sign-in' });
    await invitePerson(api.db);
    window.history.replaceState(null, '', `/invite#${TOKEN}`);
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Set your password' })).toBeInTheDocument();

    const password = screen.getByLabelText('Password');
    expect(password).toHaveAccessibleDescription('At least 12 characters.');
    await user.type(password, 'short');
    await user.click(screen.getByRole('button', { name: 'Set password' }));
    expect(screen.getByText('Use at least 12 characters.')).toBeInTheDocument();
    expect(password).toHaveFocus();

    await user.type(password, ' but now long enough');
    await user.type(screen.getByLabelText('Confirm password'), 'something else entirely');
    await user.click(screen.getByRole('button', { name: 'Set password' }));
    expect(screen.getByText("The passwords don't match.")).toBeInTheDocument();
    expect(screen.getByLabelText('Confirm password')).toHaveFocus();

    await user.clear(screen.getByLabelText('Confirm password'));
    await user.type(screen.getByLabelText('Confirm password'), 'short but now long enough');
    await user.click(screen.getByRole('button', { name: 'Set password' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Sequences' })).toBeInTheDocument();
    const account = screen.getByRole('group', { name: 'Account' });
    expect(within(account).getByText('Robin Vale')).toBeInTheDocument();
    expect(within(account).getByText('Sales manager')).toBeInTheDocument();
  });

  it('says so when the link does not work', async () => {
    const { user } = await renderApp({ url: '/invite#not-a-real-invite-token-at-all-000000' });
    await user.type(await screen.findByLabelText('Password'), 'a long enough password');
    await user.type(screen.getByLabelText('Confirm password'), 'a long enough password');
    await user.click(screen.getByRole('button', { name: 'Set password' }));
    expect(await screen.findByRole('alert')).toHaveTextContent("This invite link doesn't work");
    expect(screen.getByRole('link', { name: 'Go to sign in' })).toHaveAttribute('href', '/sign-in');
  });

  it('asks for the whole link when the token is missing', async () => {
    await renderApp({ url: '/invite' });
    expect(await screen.findByRole('alert')).toHaveTextContent('This page needs the whole invite link.');
    expect(screen.queryByLabelText('Password')).not.toBeInTheDocument();
  });
});
