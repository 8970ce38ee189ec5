import { act, screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { EnrollmentPage } from '../contract/enrollments';
import { renderApp } from '../test/render-app';

// Everything here is done with the keyboard alone, as a keyboard user would.

/** Presses Tab (or Shift+Tab) until `target` has the focus, failing after `max` presses. */
async function tabTo(user: UserEvent, target: HTMLElement, { shift = false, max = 60 } = {}) {
  for (let i = 0; i < max && document.activeElement !== target; i++) await user.tab({ shift });
  expect(target).toHaveFocus();
}

describe('keyboard', () => {
  it('F6 and Shift+F6 move between the landmarks in order, and wrap', async () => {
    const { user } = await renderApp({ url: '/sequences', user: 'manager' });
    await screen.findByRole('heading', { level: 1, name: 'Sequences' });
    const banner = screen.getByRole('banner');
    const navigation = screen.getByRole('navigation', { name: 'Main' });
    const main = screen.getByRole('main');

    await user.keyboard('{F6}');
    expect(banner).toHaveFocus();
    await user.keyboard('{F6}');
    expect(navigation).toHaveFocus();
    await user.keyboard('{F6}');
    expect(main).toHaveFocus();
    await user.keyboard('{F6}');
    expect(banner).toHaveFocus();
    await user.keyboard('{Shift>}{F6}{/Shift}');
    expect(main).toHaveFocus();

    // Back in a landmark, F6 returns to where the focus was in it.
    await user.keyboard('{Shift>}{F6}{/Shift}');
    expect(navigation).toHaveFocus();
    await user.tab();
    const sequences = within(navigation).getByRole('link', { name: 'Sequences' });
    expect(sequences).toHaveFocus();
    await user.keyboard('{F6}{F6}{F6}');
    expect(sequences).toHaveFocus();
  });

  it('/ goes to the search field of the page, but types a slash in a field', async () => {
    const { user } = await renderApp({ url: '/sequences', user: 'manager' });
    await screen.findByRole('heading', { level: 1, name: 'Sequences' });
    const search = screen.getByRole('searchbox', { name: /search/i });

    await user.keyboard('{F6}');
    await user.keyboard('/');
    expect(search).toHaveFocus();
    expect(search).toHaveValue('');
    await user.keyboard('a/b');
    expect(search).toHaveValue('a/b');
  });

  it('? lists the shortcuts in the chosen language; Escape closes the list', async () => {
    localStorage.setItem('sd.lang', 'sv');
    const { user } = await renderApp({ url: '/sequences', user: 'manager' });
    await screen.findByRole('heading', { level: 1, name: 'Sekvenser' });
    await user.tab();
    const before = screen.getByRole('link', { name: 'Hoppa till huvudinnehållet' });
    expect(before).toHaveFocus();

    await user.keyboard('?');
    const dialog = await screen.findByRole('dialog', { name: 'Kortkommandon' });
    expect(within(dialog).getByRole('row', { name: /F6 Gå till nästa del av sidan/ })).toBeInTheDocument();
    expect(within(dialog).getByRole('row', { name: /Skift.*F6 Gå till föregående del/ })).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Stäng' })).toHaveFocus();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    // Back where it was when the list opened (the dialog puts it back in the next frame).
    await waitFor(() => expect(before).toHaveFocus());
  });

  it('keeps the focus when unenrolled rows leave the filtered table, and F6 then Tab reach Undo', async () => {
    const sequence = '1';
    const { user, router } = await renderApp({ url: `/sequences/${sequence}`, user: 'manager' });
    const first = EnrollmentPage.parse(
      await (await fetch(`/api/sequences/${sequence}/enrollments?status=active&sort=contact&dir=asc&limit=1`)).json(),
    ).items[0]!;
    // One row matches: the active enrollment of one contact.
    await act(() => router.navigate(`/sequences/${sequence}?status=active&q=${encodeURIComponent(first.contact.email)}`));
    const table = await screen.findByRole('table');
    await waitFor(() => expect(table).not.toHaveAttribute('aria-busy'));

    await tabTo(user, within(table).getByRole('checkbox', { name: `Select ${first.contact.name}` }));
    await user.keyboard(' ');
    await tabTo(user, screen.getByRole('button', { name: 'Unenroll' }), { shift: true });
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('alertdialog', { name: /^Unenroll / });
    // The dialog takes the focus once it has opened (react-aria moves it in an effect).
    await waitFor(() => expect(dialog).toContainElement(document.activeElement as HTMLElement));
    await user.tab();
    expect(within(dialog).getByRole('button', { name: 'Unenroll' })).toHaveFocus();
    await user.keyboard('{Enter}');

    const notifications = await screen.findByRole('region', { name: 'Notifications' });
    expect(await within(notifications).findByText('1 contact unenrolled.')).toBeInTheDocument();
    // The only row no longer matches "active": the table gives way to "no match", and the
    // focus goes to the count of what matches, not to the top of the page.
    expect(await screen.findByText('No enrollments match these filters')).toBeInTheDocument();
    const status = screen.getAllByRole('status').find((s) => s.classList.contains('toolbar__status'))!;
    await waitFor(() => expect(status).toHaveFocus());
    expect(status).toHaveTextContent('0 enrollments');

    await user.keyboard('{F6}');
    expect(within(notifications).getByRole('alertdialog', { name: '1 contact unenrolled.' })).toHaveFocus();
    await user.tab();
    const undo = within(notifications).getByRole('button', { name: 'Undo' });
    expect(undo).toHaveFocus();
    await user.keyboard('{Enter}');
    // The region may be a new element by now: look it up again.
    const after = await screen.findByRole('region', { name: 'Notifications' });
    expect(await within(after).findByText('1 contact restored.')).toBeInTheDocument();
  });
});
