import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { request } from '../../../api/client';
import { api as endpoints } from '../../../contract/api';
import type { Enrollment, ErrorFilter } from '../../../contract/enrollments';
import { renderApp } from '../../../test/render-app';

const SEQUENCE = '1';

/** The first row the API lists for a view. */
async function firstFromApi(error: ErrorFilter): Promise<Enrollment> {
  const page = await request(endpoints.listEnrollments, { params: { id: SEQUENCE }, query: { error, limit: 1 } });
  if (!page.items[0]) throw new Error(`No enrollment for error=${error}`);
  return page.items[0];
}

/** The dialog's own buttons (react-aria adds hidden Dismiss buttons for screen readers). */
const buttonsOf = (dialog: HTMLElement) =>
  within(dialog)
    .getAllByRole('button')
    .filter((b) => b.getAttribute('aria-label') !== 'Dismiss')
    .map((b) => b.textContent);

const firstRow = () => screen.getByRole('table').querySelector<HTMLElement>('tr[aria-rowindex="2"]')!;

/** Every enrollment error: the heading of its explanation, and the link it offers (if any). */
const ENROLL_ERRORS = [
  ['BLOCKED_ADDRESS', 'This address is blocked'],
  ['BLOCKED_DOMAIN', 'This domain is blocked'],
  ['BOUNCED', 'The address bounced'],
  ['RECIPIENT_PREVIOUSLY_BOUNCED_ON_PORTAL', 'Bounced before from your account'],
  ['RECIPIENT_PREVIOUSLY_BOUNCED_GLOBALLY', 'Bounced before from other accounts'],
  ['PREVIOUSLY_MARKED_AS_SPAM', 'Reported as spam before'],
  ['OTHER_SEND_REJECTED', "Rejected by the recipient's provider"],
  ['UNSUBSCRIBED', 'Opted out of all email'],
  ['UNSUBSCRIBED_PERSONAL', 'Opted out of sales email'],
  ['ALREADY_ENROLLED', 'Already in another sequence'],
] as const;

const WHAT_TO_DO: Record<(typeof ENROLL_ERRORS)[number][0], string> = {
  BLOCKED_ADDRESS: 'pick another contact at the company',
  BLOCKED_DOMAIN: 'or pick another contact',
  BOUNCED: "Find the contact's current address",
  RECIPIENT_PREVIOUSLY_BOUNCED_ON_PORTAL: 'Confirm the address is current',
  RECIPIENT_PREVIOUSLY_BOUNCED_GLOBALLY: 'Confirm the address is current',
  PREVIOUSLY_MARKED_AS_SPAM: "Don't try again. Take this contact out of your email outreach.",
  OTHER_SEND_REJECTED: 'Verify the address, or reach the contact another way',
  UNSUBSCRIBED: 'respect the opt-out',
  UNSUBSCRIBED_PERSONAL: 'respect the opt-out',
  ALREADY_ENROLLED: 'unenroll them from it first',
};

describe('error flags', () => {
  // Ten errors, each a navigation and a dialog: more than the default 30 s on a busy two-core machine.
  it('shows each enrollment error verbatim in the Enrolled column and explains it; Escape returns to the flag', { timeout: 90_000 }, async () => {
    const { user, router } = await renderApp({ url: `/sequences/${SEQUENCE}`, user: 'manager' });
    await screen.findByRole('table');

    for (const [code, title] of ENROLL_ERRORS) {
      await act(() => router.navigate(`/sequences/${SEQUENCE}?error=${code}`));
      const flag = await waitFor(() => within(firstRow()).getByRole('button', { name: code }));
      // The Enrolled column (the second cell) holds it.
      expect(within(firstRow()).getAllByRole('cell')[1]).toContainElement(flag);

      flag.focus();
      await user.keyboard('{Enter}');

      const dialog = await screen.findByRole('dialog', { name: title });
      expect(within(dialog).getByText(code, { selector: 'code' })).toBeInTheDocument();
      for (const part of ['What happened', 'Why', 'What to do']) expect(within(dialog).getByText(part)).toBeInTheDocument();
      expect(dialog, code).toHaveTextContent(WHAT_TO_DO[code]);
      if (code === 'ALREADY_ENROLLED') {
        const { relatedSequence } = await firstFromApi(code);
        expect(within(dialog).getByRole('link', { name: `Open “${relatedSequence!.name}”` })).toHaveAttribute(
          'href',
          `/sequences/${relatedSequence!.id}`,
        );
      } else {
        // Nothing to click: the remedy is the user's (or none at all).
        expect(within(dialog).queryAllByRole('link'), code).toHaveLength(0);
        expect(buttonsOf(dialog), code).toEqual(['Close']);
      }

      await user.keyboard('{Escape}');

      await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
      await waitFor(() => expect(flag).toHaveFocus());
    }
  });

  it('shows each send problem by name in the Email column, explains it and offers its remedy', async () => {
    const { user, router } = await renderApp({ url: `/sequences/${SEQUENCE}`, user: 'manager' });
    await screen.findByRole('table');

    const open = async (code: ErrorFilter, name: string) => {
      await act(() => router.navigate(`/sequences/${SEQUENCE}?error=${code}`));
      const flag = await waitFor(() => within(firstRow()).getByRole('button', { name }));
      expect(within(firstRow()).getAllByRole('cell')[2]).toContainElement(flag);
      expect(within(firstRow()).getAllByRole('cell')[1]).toHaveTextContent('Paused');
      await user.click(flag);
      const dialog = await screen.findByRole('dialog', { name });
      for (const part of ['What happened', 'Why', 'What to do']) expect(within(dialog).getByText(part)).toBeInTheDocument();
      return { flag, dialog, row: await firstFromApi(code) };
    };
    const close = async (flag: HTMLElement) => {
      await user.keyboard('{Escape}');
      await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
      await waitFor(() => expect(flag).toHaveFocus());
    };

    {
      const { flag, dialog, row } = await open('SEND_LIMIT_REACHED', 'Send limit reached');
      expect(dialog).toHaveTextContent('Re-enroll the contact at the next step');
      const action = within(dialog).getByRole('button', { name: 'Re-enroll at next step' });
      if (row.reenrollStep === null) {
        expect(action).toHaveAttribute('aria-disabled', 'true');
        expect(action).toHaveAccessibleDescription(/no next step/);
      } else {
        expect(action).not.toHaveAttribute('aria-disabled');
        expect(action).toHaveAccessibleDescription(`The contact continues at step ${row.reenrollStep}.`);
      }
      await close(flag);
    }
    {
      const { flag, dialog, row } = await open('SEND_FAILURE', 'Send failure');
      expect(dialog).toHaveTextContent('then re-enroll the contact at this step');
      expect(dialog).toHaveTextContent(row.inbox!.address);
      expect(within(dialog).getByRole('button', { name: 'Re-enroll at this step' })).toBeInTheDocument();
      await close(flag);
    }
    {
      const { flag, dialog } = await open('INBOX_DISCONNECTED', 'Inbox disconnected');
      const link = within(dialog).getByRole('link', { name: 'Reconnect the inbox' });
      expect(link).toHaveAttribute('href', '/settings/inboxes');
      expect(dialog).toHaveTextContent('Opens your inbox settings.');
      expect(within(dialog).queryByRole('button', { name: /Re-enroll/ })).not.toBeInTheDocument();
      await close(flag);
    }
    {
      const { flag, dialog } = await open('GMAIL_SEND_ERROR', 'Gmail send error');
      expect(dialog).toHaveTextContent('Try again from Gmail in a few minutes, or enroll the contact from the CRM instead.');
      expect(within(dialog).queryAllByRole('link')).toHaveLength(0);
      expect(buttonsOf(dialog)).toEqual(['Close']);
      await close(flag);
    }
  });

  it('re-enrolls at the next step from a send-limit flag: the row is active again, one step on', async () => {
    const { user, api, router } = await renderApp({ url: '/sequences', user: 'manager' });
    const [target] = await api.db.query<{ id: number; email: string; name: string; step: number; total: number }>(
      `SELECT e.id, c.email, c.first_name || ' ' || c.last_name AS name, e.current_step AS step,
              (SELECT count(*)::int FROM sequence_steps s WHERE s.sequence_id = e.sequence_id) AS total
         FROM enrollments e JOIN contacts c ON c.id = e.contact_id
        WHERE e.sequence_id = $1 AND e.email_error = 'SEND_LIMIT_REACHED'
          AND e.current_step < (SELECT count(*) FROM sequence_steps s WHERE s.sequence_id = e.sequence_id)
          AND (SELECT count(*) FROM enrollments x WHERE x.sequence_id = e.sequence_id AND x.contact_id = e.contact_id) = 1
        ORDER BY e.id LIMIT 1`,
      [Number(SEQUENCE)],
    );
    await screen.findByRole('heading', { level: 1, name: 'Sequences' });
    await act(() => router.navigate(`/sequences/${SEQUENCE}`));
    await screen.findByRole('searchbox', { name: 'Search contacts' });
    await user.type(screen.getByRole('searchbox', { name: 'Search contacts' }), `${target!.email}{Enter}`);
    const row = await screen.findByRole('row', { name: new RegExp(target!.name) });
    expect(row).toHaveTextContent(`${target!.step} of ${target!.total}`);

    await user.click(within(row).getByRole('button', { name: 'Send limit reached' }));
    const dialog = await screen.findByRole('dialog', { name: 'Send limit reached' });
    await user.click(within(dialog).getByRole('button', { name: 'Re-enroll at next step' }));

    await waitFor(() => expect(within(screen.getByRole('row', { name: new RegExp(target!.name) })).getAllByRole('cell')[1]).toHaveTextContent('Active'));
    const updated = screen.getByRole('row', { name: new RegExp(target!.name) });
    expect(updated).toHaveTextContent(`${target!.step + 1} of ${target!.total}`);
    expect(within(updated).queryByRole('button', { name: 'Send limit reached' })).not.toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    // The notifications region loads on demand: it may arrive after the row has changed.
    const toasts = await screen.findByRole('region', { name: 'Notifications' });
    expect(await within(toasts).findByText(`${target!.name} was re-enrolled at step ${target!.step + 1}.`)).toBeInTheDocument();
    // The keyboard stays on the row.
    await waitFor(() => expect(within(updated).getByRole('button', { name: 'Actions' })).toHaveFocus());
    const [saved] = await api.db.query<{ status: string; current_step: number; email_error: string | null }>(
      'SELECT status, current_step, email_error FROM enrollments WHERE id = $1',
      [target!.id],
    );
    expect(saved).toEqual({ status: 'active', current_step: target!.step + 1, email_error: null });
  });

  it('offers re-enrolling at this step only once the inbox is reconnected', async () => {
    const { user, api, router } = await renderApp({ url: '/sequences', user: 'manager' });
    const [target] = await api.db.query<{ email: string; name: string; inbox: number }>(
      `SELECT c.email, c.first_name || ' ' || c.last_name AS name, e.inbox_id AS inbox
         FROM enrollments e JOIN contacts c ON c.id = e.contact_id
        WHERE e.sequence_id = $1 AND e.email_error = 'SEND_FAILURE' AND e.inbox_id IS NOT NULL
          AND (SELECT count(*) FROM enrollments x WHERE x.sequence_id = e.sequence_id AND x.contact_id = e.contact_id) = 1
        ORDER BY e.id LIMIT 1`,
      [Number(SEQUENCE)],
    );
    await api.db.query('UPDATE inboxes SET connected = false WHERE id = $1', [target!.inbox]);
    await screen.findByRole('heading', { level: 1, name: 'Sequences' });

    await act(() => router.navigate(`/sequences/${SEQUENCE}?q=${encodeURIComponent(target!.email)}`));
    const row = await screen.findByRole('row', { name: new RegExp(target!.name) });
    await user.click(within(row).getByRole('button', { name: 'Send failure' }));
    const dialog = await screen.findByRole('dialog', { name: 'Send failure' });

    const action = within(dialog).getByRole('button', { name: 'Re-enroll at this step' });
    expect(action).toHaveAttribute('aria-disabled', 'true');
    expect(action).toHaveAccessibleDescription('The inbox is still disconnected: reconnect it first, then re-enroll at this step.');
    expect(dialog).toHaveTextContent('(disconnected)');
    expect(within(dialog).getByRole('link', { name: 'Reconnect the inbox' })).toHaveAttribute('href', '/settings/inboxes');

    await user.click(action);
    expect(screen.getByRole('dialog', { name: 'Send failure' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(within(row).getAllByRole('cell')[1]).toHaveTextContent('Paused');
  });
});
