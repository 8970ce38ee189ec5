import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MockApi } from '../../../mocks/node';
import { renderApp } from '../../../test/render-app';

const SEQUENCE = 1;

/** A contact enrolled once in the sequence, in the given state, so a search finds one row. */
async function findEnrollment(api: MockApi, where: string) {
  const [row] = await api.db.query<{ id: number; contactId: number; email: string; name: string; step: number }>(
    `SELECT e.id, c.id AS "contactId", c.email, c.first_name || ' ' || c.last_name AS name, e.current_step AS step
       FROM enrollments e JOIN contacts c ON c.id = e.contact_id
      WHERE e.sequence_id = $1 AND ${where}
        AND (SELECT count(*) FROM enrollments x WHERE x.sequence_id = e.sequence_id AND x.contact_id = e.contact_id) = 1
      ORDER BY e.id LIMIT 1`,
    [SEQUENCE],
  );
  if (!row) throw new Error(`No enrollment where ${where}`);
  return row;
}

async function openRow(router: Awaited<ReturnType<typeof renderApp>>['router'], target: { email: string; name: string }) {
  await act(() => router.navigate(`/sequences/${SEQUENCE}?q=${encodeURIComponent(target.email)}`));
  return screen.findByRole('row', { name: new RegExp(target.name) });
}

const row = (name: string) => screen.getByRole('row', { name: new RegExp(name) });

describe('row actions', () => {
  it('unenrolls a contact after confirming: the row shows who unenrolled them', async () => {
    const { user, api, router } = await renderApp({ url: '/sequences', user: 'manager' });
    const target = await findEnrollment(api, `e.status = 'active'`);
    await screen.findByRole('heading', { level: 1, name: 'Sequences' });
    const found = await openRow(router, target);
    const actions = within(found).getByRole('button', { name: 'Actions' });
    expect(actions).toHaveAccessibleDescription(target.name);

    await user.click(actions);
    const menu = await screen.findByRole('menu');
    expect(within(menu).getAllByRole('menuitem').map((i) => i.textContent)).toEqual(['Unenroll', 'View contact']);
    await user.click(within(menu).getByRole('menuitem', { name: 'Unenroll' }));

    const dialog = await screen.findByRole('alertdialog', { name: `Unenroll ${target.name}?` });
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Unenroll' }));

    const toasts = await screen.findByRole('region', { name: 'Notifications' });
    expect(within(toasts).getByText(`${target.name} was unenrolled.`)).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    // The first cell holds the row's selection checkbox.
    const cells = within(row(target.name)).getAllByRole('cell');
    expect(cells[1]).toHaveTextContent('Unenrolled');
    expect(row(target.name)).toHaveTextContent('Unenrolled manually by Morgan Lee');
    await waitFor(() => expect(within(row(target.name)).getByRole('button', { name: 'Actions' })).toHaveFocus());
    const [saved] = await api.db.query<{ status: string; unenroll_reason: string; unenrolled_by: number }>(
      'SELECT status, unenroll_reason, unenrolled_by FROM enrollments WHERE id = $1',
      [target.id],
    );
    expect(saved).toEqual({ status: 'unenrolled', unenroll_reason: 'MANUAL', unenrolled_by: 2 });

    // Nothing left to unenroll.
    await user.click(within(row(target.name)).getByRole('button', { name: 'Actions' }));
    const after = await screen.findByRole('menu');
    expect(within(after).getAllByRole('menuitem').map((i) => i.textContent)).toEqual(['View contact']);
    await user.keyboard('{Escape}');
  });

  it('keeps the dialog open with the reason when unenrolling fails, and cancels without a change', async () => {
    const { user, api, router } = await renderApp({ url: '/sequences', user: 'manager' });
    const target = await findEnrollment(api, `e.status = 'paused'`);
    await screen.findByRole('heading', { level: 1, name: 'Sequences' });
    const found = await openRow(router, target);
    api.faults.failEndpoint('unenroll', 500);

    await user.click(within(found).getByRole('button', { name: 'Actions' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Unenroll' }));
    const dialog = await screen.findByRole('alertdialog', { name: `Unenroll ${target.name}?` });
    await user.click(within(dialog).getByRole('button', { name: 'Unenroll' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Something went wrong on our side. Try again.');
    expect(screen.getByRole('alertdialog')).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));

    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(within(row(target.name)).getAllByRole('cell')[1]).toHaveTextContent('Paused');
    await waitFor(() => expect(within(row(target.name)).getByRole('button', { name: 'Actions' })).toHaveFocus());
    const [saved] = await api.db.query<{ status: string }>('SELECT status FROM enrollments WHERE id = $1', [target.id]);
    expect(saved!.status).toBe('paused');
  });

  it('re-enrolls at the step the problem allows from the menu, and opens the contact', async () => {
    const { user, api, router } = await renderApp({ url: '/sequences', user: 'manager' });
    const target = await findEnrollment(
      api,
      `e.email_error = 'SEND_LIMIT_REACHED' AND e.current_step < (SELECT count(*) FROM sequence_steps s WHERE s.sequence_id = e.sequence_id)`,
    );
    await screen.findByRole('heading', { level: 1, name: 'Sequences' });
    const found = await openRow(router, target);
    const next = target.step + 1;

    await user.click(within(found).getByRole('button', { name: 'Actions' }));
    await user.click(await screen.findByRole('menuitem', { name: `Re-enroll at step ${next}…` }));
    const dialog = await screen.findByRole('alertdialog', { name: `Re-enroll ${target.name} at step ${next}?` });
    await user.click(within(dialog).getByRole('button', { name: 'Re-enroll' }));

    await waitFor(() => expect(within(row(target.name)).getAllByRole('cell')[1]).toHaveTextContent('Active'));
    expect(row(target.name)).toHaveTextContent(`${next} of`);

    await user.click(within(row(target.name)).getByRole('button', { name: 'Actions' }));
    await user.click(await screen.findByRole('menuitem', { name: 'View contact' }));

    expect(await screen.findByRole('heading', { level: 1, name: target.name })).toBeInTheDocument();
    expect(window.location.pathname).toBe(`/contacts/${target.contactId}`);
  });
});
