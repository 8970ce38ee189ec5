import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../test/render-app';

describe('routes', () => {
  it('sends a signed-out visitor to sign in, and back to the same view afterwards', async () => {
    const { user } = await renderApp({ url: '/sequences?q=a&sort=steps&dir=desc' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(window.location.pathname).toBe('/sign-in');
    expect(new URLSearchParams(window.location.search).get('next')).toBe('/sequences?q=a&sort=steps&dir=desc');

    await user.type(screen.getByLabelText('Email'), 'admin@example.com');
    await user.type(screen.getByLabelText('Password'), 'demo-password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Sequences' })).toBeInTheDocument();
    expect(window.location.pathname + window.location.search).toBe('/sequences?q=a&sort=steps&dir=desc');
    expect(screen.getByRole('searchbox', { name: 'Search sequences' })).toHaveValue('a');
  });

  it('opens the sequences from /', async () => {
    await renderApp({ url: '/', user: 'rep' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Sequences' })).toBeInTheDocument();
    expect(window.location.pathname).toBe('/sequences');
  });

  it('shows a translated not-found page inside the app for an unknown path', async () => {
    const { user } = await renderApp({ url: '/no/such/page', user: 'rep' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument();
    expect(document.title).toBe('Page not found · Sequence Desk');

    await user.click(screen.getByRole('link', { name: 'Go to sequences' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Sequences' })).toBeInTheDocument();
  });

  it.each([['/marketing-email', 'Marketing email']])('%s has its own h1 and title', async (url, title) => {
    await renderApp({ url, user: 'marketer' });

    expect(await screen.findByRole('heading', { level: 1, name: title })).toBeInTheDocument();
    const main = screen.getByRole('main');
    expect(within(main).getAllByRole('heading', { level: 1 })).toHaveLength(1);
    await waitFor(() => expect(document.title).toBe(`${title} · Sequence Desk`));
  });

  it('links from a sequence back to the list', async () => {
    const { user } = await renderApp({ url: '/sequences/7', user: 'rep' });
    await user.click(await screen.findByRole('link', { name: 'Back to sequences' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Sequences' })).toBeInTheDocument();
  });

  it('shows the no-access page when the API answers 403', async () => {
    const { api, router } = await renderApp({ url: '/sequences', user: 'rep' });
    await screen.findByRole('heading', { level: 1, name: 'Sequences' });
    api.faults.failEndpoint('listSequences', 403);
    // A new view of the list goes through the route loader again.
    await act(() => router.navigate('/sequences?q=x'));

    expect(await screen.findByRole('heading', { level: 1, name: 'No access' })).toBeInTheDocument();
  });

  it('goes to sign-in, keeping the way back, when the session has ended (401)', async () => {
    const { api, router } = await renderApp({ url: '/sequences/7', user: 'rep' });
    await screen.findByRole('heading', { level: 1, name: 'Heads of RevOps — cold outreach' });
    api.faults.failEndpoint('listSequences', 401);

    await act(() => router.navigate('/sequences?sort=steps&dir=desc'));

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    await waitFor(() =>
      expect(new URLSearchParams(window.location.search).get('next')).toBe('/sequences?sort=steps&dir=desc'),
    );
  });
});
