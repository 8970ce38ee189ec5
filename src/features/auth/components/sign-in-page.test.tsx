import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '../../../test/render-app';

afterEach(() => {
  vi.unstubAllEnvs();
});

async function fillIn(user: Awaited<ReturnType<typeof renderApp>>['user'], email: string, password: string) {
  await user.type(await screen.findByLabelText('Email'), email);
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('sign-in page', () => {
  it('has labelled fields and says what is missing, starting at the first field', async () => {
    const { user } = await renderApp({ url: '/sign-in' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    const email = screen.getByLabelText('Email');
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription('Enter your email address.');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('Enter your password.');
    expect(email).toHaveFocus();

    await user.type(email, 'not-an-address');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(email).toHaveAccessibleDescription('Enter an email address like name@example.com.');
  });

  it('alerts on a wrong password and stays on the page', async () => {
    const { user } = await renderApp({ url: '/sign-in' });

    await fillIn(user, 'rep@example.com', 'wrong-password');

    expect(await screen.findByRole('alert')).toHaveTextContent('The email or password is not correct. Check both and try again.');
    expect(window.location.pathname).toBe('/sign-in');
  });

  it('says when there were too many attempts', async () => {
    const { user, api } = await renderApp({ url: '/sign-in' });
    api.faults.failEndpoint('signIn', 429);

    await fillIn(user, 'rep@example.com', 'demo-password');

    expect(await screen.findByRole('alert')).toHaveTextContent('Too many sign-in attempts. Wait a few minutes and try again.');
  });

  it('lands on the page named in next after signing in', async () => {
    const { user } = await renderApp({ url: '/sign-in?next=%2Femail-health' });

    await fillIn(user, 'marketer@example.com', 'demo-password');

    expect(await screen.findByRole('heading', { level: 1, name: 'Email health' })).toBeInTheDocument();
    expect(window.location.pathname).toBe('/email-health');
    expect(screen.getByText('Alex Kim')).toBeInTheDocument();
  });

  it('ignores a next that would leave the site', async () => {
    const { user } = await renderApp({ url: '/sign-in?next=%2F%2Fevil.example%2Fphish' });

    await fillIn(user, 'rep@example.com', 'demo-password');

    expect(await screen.findByRole('heading', { level: 1, name: 'Sequences' })).toBeInTheDocument();
    expect(window.location.href).toBe(`${window.location.origin}/sequences`);
  });

  it('sends a signed-in visitor on to the app', async () => {
    await renderApp({ url: '/sign-in', user: 'rep' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Sequences' })).toBeInTheDocument();
    expect(window.location.pathname).toBe('/sequences');
  });

  it('lists the demo accounts in demo mode, and one click fills the form', async () => {
    vi.stubEnv('VITE_API_MODE', 'demo');
    const { user } = await renderApp({ url: '/sign-in' });

    const demo = await screen.findByRole('table', { name: 'Demo accounts you can sign in with' });
    expect(demo).toHaveTextContent('rep@example.com');
    expect(demo).toHaveTextContent('Sales manager');
    expect(screen.getByRole('region', { name: 'Demo accounts' })).toHaveTextContent(
      'Every account uses the password demo-password.',
    );

    await user.click(screen.getByRole('button', { name: 'Use Alex Kim' }));
    expect(screen.getByLabelText('Email')).toHaveValue('marketer@example.com');
    expect(screen.getByRole('button', { name: 'Sign in' })).toHaveFocus();
    await user.keyboard('{Enter}');

    await waitFor(() => expect(window.location.pathname).toBe('/sequences'));
    // The layout may re-render as the session settles: look the name up afresh each try.
    await waitFor(() => expect(screen.getByText('Alex Kim')).toBeInTheDocument());
  });

  it('does not list demo accounts outside demo mode', async () => {
    await renderApp({ url: '/sign-in' });
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
