import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MockApi } from '../../../mocks/node';
import { renderApp } from '../../../test/render-app';

/** A contact with an active enrollment (made by the rep) and at least one other. */
async function contactWithActiveEnrollment(api: MockApi) {
  const [row] = await api.db.query<{ id: number; name: string; email: string; enrollment: number; sequence: string }>(
    `SELECT c.id, c.first_name || ' ' || c.last_name AS name, c.email, e.id AS enrollment, s.name AS sequence
       FROM contacts c JOIN enrollments e ON e.contact_id = c.id JOIN sequences s ON s.id = e.sequence_id
      WHERE e.status = 'active' AND e.enrolled_by = 1
        AND (SELECT count(*) FROM enrollments x WHERE x.contact_id = c.id) > 1
      ORDER BY c.id LIMIT 1`,
  );
  if (!row) throw new Error('No contact with an active enrollment');
  return row;
}

describe('contact page', () => {
  it("shows the contact and their enrollments, and unenrolls from one after confirming", async () => {
    const { user, api, router } = await renderApp({ url: '/sequences', user: 'manager' });
    const contact = await contactWithActiveEnrollment(api);
    const [{ n }] = (await api.db.query<{ n: number }>('SELECT count(*)::int AS n FROM enrollments e JOIN sequences s ON s.id = e.sequence_id WHERE e.contact_id = $1 AND s.deleted_at IS NULL', [
      contact.id,
    ])) as [{ n: number }];
    await screen.findByRole('heading', { level: 1, name: 'Sequences' });

    await act(() => router.navigate(`/contacts/${contact.id}`));

    expect(await screen.findByRole('heading', { level: 1, name: contact.name })).toBeInTheDocument();
    expect(document.title).toBe(`${contact.name} · Sequence Desk`);
    expect(screen.getByRole('link', { name: contact.email })).toHaveAttribute('href', `mailto:${contact.email}`);
    const table = screen.getByRole('table', { name: `Enrollments of ${contact.name}` });
    expect(within(table).getAllByRole('row')).toHaveLength(n + 1);

    const row = within(table)
      .getAllByRole('row')
      .find((r) => r.getAttribute('data-enrollment') === String(contact.enrollment))!;
    expect(within(row).getByRole('link', { name: contact.sequence })).toHaveAttribute('href', expect.stringMatching(/^\/sequences\/\d+$/));
    expect(within(row).getAllByRole('cell')[0]).toHaveTextContent('Active');
    const unenroll = within(row).getByRole('button', { name: 'Unenroll' });
    expect(unenroll).toHaveAccessibleDescription(contact.sequence);

    await user.click(unenroll);
    const dialog = await screen.findByRole('alertdialog', { name: `Unenroll ${contact.name} from “${contact.sequence}”?` });
    await user.click(within(dialog).getByRole('button', { name: 'Unenroll' }));

    const toasts = await screen.findByRole('region', { name: 'Notifications' });
    expect(within(toasts).getByText(`${contact.name} was unenrolled from “${contact.sequence}”.`)).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    await waitFor(() => expect(within(row).getAllByRole('cell')[0]).toHaveTextContent('Unenrolled'));
    expect(row).toHaveTextContent('Unenrolled manually by Morgan Lee');
    expect(within(row).queryByRole('button', { name: 'Unenroll' })).not.toBeInTheDocument();
    await waitFor(() => expect(within(row).getByRole('link', { name: contact.sequence })).toHaveFocus());
    const [saved] = await api.db.query<{ status: string; unenroll_reason: string }>(
      'SELECT status, unenroll_reason FROM enrollments WHERE id = $1',
      [contact.enrollment],
    );
    expect(saved).toEqual({ status: 'unenrolled', unenroll_reason: 'MANUAL' });
  });

  it('shows a marketer the enrollments without Unenroll', async () => {
    const { api, router } = await renderApp({ url: '/sequences', user: 'marketer' });
    const contact = await contactWithActiveEnrollment(api);
    await screen.findByRole('heading', { level: 1, name: 'Sequences' });

    await act(() => router.navigate(`/contacts/${contact.id}`));

    const table = await screen.findByRole('table', { name: `Enrollments of ${contact.name}` });
    expect(within(table).getByRole('link', { name: contact.sequence })).toBeInTheDocument();
    expect(within(table).queryByRole('button', { name: 'Unenroll' })).not.toBeInTheDocument();
  });

  it('shows a rep only the enrollments they made', async () => {
    const { api, router } = await renderApp({ url: '/sequences', user: 'rep' });
    const contact = await contactWithActiveEnrollment(api);
    const [{ mine, all }] = (await api.db.query<{ mine: number; all: number }>(
      'SELECT count(*) FILTER (WHERE enrolled_by = 1)::int AS mine, count(*)::int AS all FROM enrollments WHERE contact_id = $1',
      [contact.id],
    )) as [{ mine: number; all: number }];
    await screen.findByRole('heading', { level: 1, name: 'Sequences' });

    await act(() => router.navigate(`/contacts/${contact.id}`));

    const table = await screen.findByRole('table', { name: `Enrollments of ${contact.name}` });
    expect(within(table).getAllByRole('row')).toHaveLength(mine + 1);
    expect(mine).toBeLessThan(all);
    for (const row of within(table).getAllByRole('row').slice(1)) expect(row).toHaveTextContent('Sam Rivera');
  });

  it('tells a rep who enrolled the contact nowhere that the list holds only their enrollments', async () => {
    const { api, router } = await renderApp({ url: '/sequences', user: 'rep' });
    const [contact] = await api.db.query<{ id: number; name: string }>(
      `SELECT c.id, c.first_name || ' ' || c.last_name AS name FROM contacts c
        WHERE EXISTS (SELECT 1 FROM enrollments e WHERE e.contact_id = c.id)
          AND NOT EXISTS (SELECT 1 FROM enrollments e WHERE e.contact_id = c.id AND e.enrolled_by = 1)
        ORDER BY c.id LIMIT 1`,
    );
    await screen.findByRole('heading', { level: 1, name: 'Sequences' });

    await act(() => router.navigate(`/contacts/${contact!.id}`));

    expect(await screen.findByRole('heading', { level: 1, name: contact!.name })).toBeInTheDocument();
    expect(screen.getByText('You have not enrolled this contact in any sequence.')).toBeInTheDocument();
  });

  it('tells a manager that a contact was never enrolled', async () => {
    const { api, router } = await renderApp({ url: '/sequences', user: 'manager' });
    const [contact] = await api.db.query<{ id: number; name: string }>(
      `SELECT c.id, c.first_name || ' ' || c.last_name AS name FROM contacts c
        WHERE NOT EXISTS (SELECT 1 FROM enrollments e WHERE e.contact_id = c.id)
        ORDER BY c.id LIMIT 1`,
    );
    await screen.findByRole('heading', { level: 1, name: 'Sequences' });

    await act(() => router.navigate(`/contacts/${contact!.id}`));

    expect(await screen.findByRole('heading', { level: 1, name: contact!.name })).toBeInTheDocument();
    expect(screen.getByText('This contact has never been enrolled in a sequence.')).toBeInTheDocument();
  });

  it('shows the not-found page for a contact that does not exist', async () => {
    const { router } = await renderApp({ url: '/sequences', user: 'manager' });
    await screen.findByRole('heading', { level: 1, name: 'Sequences' });

    await act(() => router.navigate('/contacts/999999'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();

    await act(() => router.navigate('/contacts/not-a-number'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
  });
});
