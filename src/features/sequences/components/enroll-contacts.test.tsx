import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../../test/render-app';

describe('enroll contacts', () => {
  it('enrolls the contacts that may be, and says why the others were refused', async () => {
    const { user, api } = await renderApp({ url: '/sequences/1', user: 'rep' });
    // Two contacts free to enroll; the first then opts out of all email.
    const [optedOut, eligible] = await api.db.query<{ id: number; name: string; email: string }>(
      `SELECT c.id, c.first_name || ' ' || c.last_name AS name, c.email FROM contacts c
        WHERE NOT (blocked_address OR blocked_domain OR bounced_portal OR bounced_global OR spam_reported
                   OR unsubscribed_all OR unsubscribed_sales) AND address_status = 'valid'
          AND NOT EXISTS (SELECT 1 FROM enrollments e WHERE e.contact_id = c.id
                            AND (e.status IN ('active', 'paused') OR e.enroll_error = 'OTHER_SEND_REJECTED'))
        ORDER BY c.id LIMIT 2`,
    );
    await api.db.query('UPDATE contacts SET unsubscribed_all = true WHERE id = $1', [optedOut!.id]);
    const [{ last }] = (await api.db.query<{ last: number }>('SELECT max(id) AS last FROM enrollments')) as [{ last: number }];

    await user.click(await screen.findByRole('button', { name: 'Enroll contacts' }));
    const dialog = await screen.findByRole('dialog', { name: 'Enroll contacts' });
    const search = within(dialog).getByRole('searchbox', { name: 'Find contacts' });
    await waitFor(() => expect(search).toHaveFocus());

    // Nothing picked yet: the dialog says so rather than sending.
    await user.click(within(dialog).getByRole('button', { name: 'Enroll contacts' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Pick at least one contact to enroll.');

    for (const contact of [optedOut!, eligible!]) {
      await user.clear(search);
      await user.type(search, `${contact.email}{Enter}`);
      await user.click(await within(dialog).findByRole('checkbox', { name: new RegExp(contact.name) }));
    }
    expect(within(dialog).getByText('2 contacts picked')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: `Remove ${optedOut!.name}` })).toBeInTheDocument();

    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Start at step' }), 'Step 2 · LinkedIn');
    const inbox = within(dialog).getByRole('combobox', { name: 'Send from' });
    const options = within(inbox).getAllByRole('option');
    expect(options.map((o) => [o.textContent, (o as HTMLOptionElement).disabled])).toEqual([
      ['sam.rivera@example.com (disconnected)', true],
      ['samrivera.sales@gmail.com', false],
    ]);
    expect(inbox).toHaveValue('1');
    await user.click(within(dialog).getByRole('button', { name: 'Enroll 2 contacts' }));

    expect(await within(dialog).findByRole('heading', { name: 'Enrollment results' })).toBeInTheDocument();
    await waitFor(() => expect(within(dialog).getByText('Enrolled: 1 · Refused: 1')).toHaveFocus());
    const [refused, enrolled] = [optedOut!, eligible!].map(
      (c) => within(dialog).getByText(c.name).closest('li')!,
    );
    expect(enrolled).toHaveTextContent('Enrolled');
    expect(refused).toHaveTextContent('Refused');
    expect(within(refused!).getByRole('button', { name: 'UNSUBSCRIBED' })).toBeInTheDocument();
    expect(refused).toHaveTextContent('The contact was not enrolled: they opted out of all email from your company.');

    // The code explains itself here too.
    await user.click(within(refused!).getByRole('button', { name: 'UNSUBSCRIBED' }));
    expect(await screen.findByRole('dialog', { name: 'Opted out of all email' })).toHaveTextContent('respect the opt-out');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Opted out of all email' })).not.toBeInTheDocument());

    await user.click(within(screen.getByRole('dialog', { name: 'Enrollment results' })).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    const saved = await api.db.query<{ contact_id: number; status: string; enroll_error: string | null; current_step: number; enrolled_by: number }>(
      `SELECT contact_id, status, enroll_error, current_step, enrolled_by FROM enrollments
        WHERE id > $1 ORDER BY contact_id`,
      [last],
    );
    expect(saved).toEqual([
      { contact_id: optedOut!.id, status: 'failed', enroll_error: 'UNSUBSCRIBED', current_step: 2, enrolled_by: 1 },
      { contact_id: eligible!.id, status: 'active', enroll_error: null, current_step: 2, enrolled_by: 1 },
    ]);
    // The table shows them (newest first).
    expect(await screen.findByRole('link', { name: eligible!.name })).toBeInTheDocument();
  });
});
