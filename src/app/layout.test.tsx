import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderApp } from '../test/render-app';

describe('app layout', () => {
  it('has the landmarks, the navigation with the current page marked, and moves between pages', async () => {
    const { user } = await renderApp({ url: '/sequences', user: 'manager' });

    await screen.findByRole('heading', { level: 1, name: 'Sequences' });
    expect(screen.getByRole('banner')).toBeInTheDocument();
    expect(screen.getByRole('main')).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Sequences' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Email health' })).not.toHaveAttribute('aria-current');
    expect(within(nav).getByRole('link', { name: 'Marketing email' })).toBeInTheDocument();
    expect(within(nav).getByRole('link', { name: 'Contacts' })).toHaveAttribute('href', '/contacts');
    expect(within(nav).getByRole('link', { name: 'Inboxes' })).toHaveAttribute('href', '/settings/inboxes');

    await user.click(within(nav).getByRole('link', { name: 'Marketing email' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Marketing email' })).toBeInTheDocument();
    expect(within(nav).getByRole('link', { name: 'Marketing email' })).toHaveAttribute('aria-current', 'page');
    // The focus moves in the same commit that draws the new page.
    expect(screen.getByRole('main')).toHaveFocus();
    expect(document.title).toBe('Marketing email · Sequence Desk');
  });

  it("shows the user's name and translated role", async () => {
    await renderApp({ url: '/sequences', user: 'rep' });

    const account = await screen.findByRole('group', { name: 'Account' });
    expect(account).toHaveTextContent('Sam Rivera');
    expect(account).toHaveTextContent('Sales rep');
  });

  it('starts with a skip link to the main content', async () => {
    const { user } = await renderApp({ url: '/email-health', user: 'marketer' });
    await screen.findByRole('heading', { level: 1, name: 'Email health' });

    await user.tab();
    const skip = screen.getByRole('link', { name: 'Skip to main content' });
    expect(skip).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('main')).toHaveFocus();
  });

  it('signs out: back to sign-in, and the app is closed until signing in again', async () => {
    const { user, router } = await renderApp({ url: '/sequences', user: 'rep' });
    await screen.findByRole('heading', { level: 1, name: 'Sequences' });

    await user.click(screen.getByRole('button', { name: 'Sign out' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(screen.queryByText('Sam Rivera')).not.toBeInTheDocument();

    await act(() => router.navigate('/email-health'));
    await waitFor(() => expect(window.location.pathname).toBe('/sign-in'));
    expect(new URLSearchParams(window.location.search).get('next')).toBe('/email-health');
  });

  it('reports a failed sign-out in a toast and stays signed in', async () => {
    const { user, api } = await renderApp({ url: '/sequences', user: 'rep' });
    await screen.findByRole('heading', { level: 1, name: 'Sequences' });
    api.faults.failEndpoint('signOut', 500);

    await user.click(screen.getByRole('button', { name: 'Sign out' }));

    const toasts = await screen.findByRole('region', { name: 'Notifications' });
    expect(await within(toasts).findByText('Something went wrong on our side. Try again.')).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Account' })).toHaveTextContent('Sam Rivera');
    expect(window.location.pathname).toBe('/sequences');

    await user.click(within(toasts).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Notifications' })).not.toBeInTheDocument());
  });

  it('switches the language at once, updates <html lang> and remembers the choice', async () => {
    const { user } = await renderApp({ url: '/sequences', user: 'rep' });
    await screen.findByRole('heading', { level: 1, name: 'Sequences' });

    const language = screen.getByRole('combobox', { name: 'Language' });
    expect(within(language).getByRole('option', { name: 'Svenska' })).toBeInTheDocument();
    expect(within(language).getByRole('option', { name: 'Norsk bokmål' })).toBeInTheDocument();
    expect(within(language).getByRole('option', { name: 'Polski' })).toBeInTheDocument();

    await user.selectOptions(language, 'Svenska');

    expect(await screen.findByRole('heading', { level: 1, name: 'Sekvenser' })).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Huvudmeny' })).toHaveTextContent('E-posthälsa');
    expect(screen.getByRole('button', { name: 'Logga ut' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Språk' })).toHaveValue('sv');
    expect(document.documentElement).toHaveAttribute('lang', 'sv');
    expect(localStorage.getItem('sd.lang')).toBe('sv');
  });

  it('opens in the remembered language, with its plural forms and number formats', async () => {
    localStorage.setItem('sd.lang', 'pl');
    await renderApp({ url: '/sequences', user: 'admin' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Sekwencje' })).toBeInTheDocument();
    expect(document.documentElement).toHaveAttribute('lang', 'pl');
    expect(screen.getByRole('group', { name: 'Konto' })).toHaveTextContent('Administrator');
    // 5–21 and 25–31 … sequences take the "many" form in Polish; 2–4, 22–24 … the "few" form.
    const status = screen.getByRole('status');
    await waitFor(() => expect(status).toHaveTextContent(/^\d+ sekwencj[ie]$/));
    const count = Number(/^(\d+)/.exec(status.textContent ?? '')?.[1]);
    const form = new Intl.PluralRules('pl').select(count);
    expect(status).toHaveTextContent(form === 'few' ? `${count} sekwencje` : form === 'one' ? '1 sekwencja' : `${count} sekwencji`);
  });

  it('folds the navigation behind a Menu button: Escape closes it, and so does following a link', async () => {
    const { user } = await renderApp({ url: '/sequences', user: 'manager' });
    await screen.findByRole('heading', { level: 1, name: 'Sequences' });

    // Narrow screens show the button and hide what it controls (CSS); wide ones the reverse.
    const menu = screen.getByRole('button', { name: 'Menu' });
    expect(menu).toHaveAttribute('aria-expanded', 'false');
    const panel = document.getElementById(menu.getAttribute('aria-controls') ?? '');
    expect(panel).not.toBeNull();
    expect(panel).not.toHaveAttribute('data-open');
    const nav = within(panel as HTMLElement).getByRole('navigation', { name: 'Main' });
    expect(within(panel as HTMLElement).getByRole('combobox', { name: 'Theme' })).toBeInTheDocument();
    expect(within(panel as HTMLElement).getByRole('button', { name: 'Sign out' })).toBeInTheDocument();

    await user.click(menu);
    expect(menu).toHaveAttribute('aria-expanded', 'true');
    expect(panel).toHaveAttribute('data-open');
    await user.tab();
    expect(within(nav).getByRole('link', { name: 'Sequences' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(menu).toHaveAttribute('aria-expanded', 'false');
    expect(panel).not.toHaveAttribute('data-open');
    expect(menu).toHaveFocus();

    await user.keyboard('{Enter}');
    expect(menu).toHaveAttribute('aria-expanded', 'true');
    await user.click(within(nav).getByRole('link', { name: 'Inboxes' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Sending inboxes' })).toBeInTheDocument();
    expect(menu).toHaveAttribute('aria-expanded', 'false');
    expect(panel).not.toHaveAttribute('data-open');
    // The focus moves to the page in the commit that draws it.
    expect(screen.getByRole('main')).toHaveFocus();

    // A click outside the header closes it as well.
    await user.click(menu);
    expect(menu).toHaveAttribute('aria-expanded', 'true');
    await user.click(screen.getByRole('heading', { level: 1 }));
    expect(menu).toHaveAttribute('aria-expanded', 'false');
  });

  it('switches the theme on <html> at once and remembers the choice', async () => {
    document.documentElement.removeAttribute('data-theme');
    const { user } = await renderApp({ url: '/sequences', user: 'rep' });
    await screen.findByRole('heading', { level: 1, name: 'Sequences' });

    const theme = screen.getByRole('combobox', { name: 'Theme' });
    expect(theme).toHaveValue('system');
    expect(within(theme).getAllByRole('option').map((o) => o.textContent)).toEqual(['System', 'Light', 'Dark']);
    // jsdom has no colour scheme preference: System gives the light theme.
    expect(document.documentElement).toHaveAttribute('data-theme', 'light');

    await user.selectOptions(theme, 'Dark');
    expect(theme).toHaveValue('dark');
    expect(document.documentElement).toHaveAttribute('data-theme', 'dark');
    expect(localStorage.getItem('sd.theme')).toBe('dark');

    await user.selectOptions(theme, 'Light');
    expect(document.documentElement).toHaveAttribute('data-theme', 'light');
    expect(localStorage.getItem('sd.theme')).toBe('light');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'Svenska');
    expect(await screen.findByRole('combobox', { name: 'Tema' })).toHaveDisplayValue('Ljust');
  });

  it('opens in the remembered theme, and under System follows the system as it changes', async () => {
    localStorage.setItem('sd.theme', 'dark');
    let prefersDark = false;
    const listeners = new Set<() => void>();
    vi.stubGlobal(
      'matchMedia',
      vi.fn((query: string) => ({
        media: query,
        get matches() {
          return query === '(prefers-color-scheme: dark)' && prefersDark;
        },
        addEventListener: (_type: string, listener: () => void) => listeners.add(listener),
        removeEventListener: (_type: string, listener: () => void) => listeners.delete(listener),
      })),
    );
    try {
      const { user } = await renderApp({ url: '/sequences', user: 'rep' });
      await screen.findByRole('heading', { level: 1, name: 'Sequences' });
      const theme = screen.getByRole('combobox', { name: 'Theme' });
      expect(theme).toHaveValue('dark');
      expect(document.documentElement).toHaveAttribute('data-theme', 'dark');

      await user.selectOptions(theme, 'System');
      expect(localStorage.getItem('sd.theme')).toBe('system');
      expect(document.documentElement).toHaveAttribute('data-theme', 'light');
      prefersDark = true;
      act(() => listeners.forEach((listener) => listener()));
      expect(document.documentElement).toHaveAttribute('data-theme', 'dark');
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
