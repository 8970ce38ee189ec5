import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, onTestFinished } from 'vitest';
import { request } from '../../../api/client';
import { createQueryClient } from '../../../api/query-client';
import { api as endpoints } from '../../../contract/api';
import type { Role } from '../../../contract/auth';
import { i18n } from '../../../i18n/i18n';
import { startMockApi, type MockApi } from '../../../mocks/node';
import { ContactNotSent } from './contact-not-sent';

const TITLE = 'There was a problem sending an email to this contact';

/**
 * The section on its own, against the real API, with the app's query client (no retries). It
 * needs no router: it links nowhere. The contact page places it; its own tests cover the page.
 */
async function renderSection(contactId: string, options: { role?: Role; before?: (api: MockApi) => void } = {}) {
  const api = await startMockApi();
  await api.signInAs(options.role ?? 'rep');
  await i18n.changeLanguage('en');
  options.before?.(api);
  const queryClient = createQueryClient({ retry: false });
  const view = render(
    <QueryClientProvider client={queryClient}>
      <main>
        <ContactNotSent contactId={contactId} />
      </main>
    </QueryClientProvider>,
  );
  onTestFinished(async () => {
    await queryClient.cancelQueries();
    queryClient.clear();
    await api.close();
  });
  return { ...view, api, user: userEvent.setup() };
}

/** A contact with emails of both kinds not sent, and one with none (from the seeded data). */
async function contacts(): Promise<{ withProblems: string; without: string }> {
  const api = await startMockApi();
  try {
    const [a] = await api.db.query<{ id: number }>(
      `SELECT contact_id AS id FROM email_events WHERE not_sent_reason IS NOT NULL
        GROUP BY 1 HAVING count(DISTINCT kind) = 2 ORDER BY count(*) DESC, 1 LIMIT 1`,
    );
    const [b] = await api.db.query<{ id: number }>(
      `SELECT min(id) AS id FROM contacts c
        WHERE NOT EXISTS (SELECT 1 FROM email_events e WHERE e.contact_id = c.id AND e.not_sent_reason IS NOT NULL)`,
    );
    return { withProblems: String(a!.id), without: String(b!.id) };
  } finally {
    await api.close();
  }
}

describe('ContactNotSent', () => {
  it('lists each email not sent with its date, type, reason, code and remedy', async () => {
    const { withProblems } = await contacts();
    await renderSection(withProblems);
    const section = await screen.findByRole('region', { name: TITLE });
    const expected = await request(endpoints.getContactNotSent, { params: { id: withProblems } });
    expect(expected.total).toBeGreaterThan(1);

    expect(section).toHaveTextContent(`${expected.total} emails to this contact were not sent.`);
    const rows = within(within(section).getByRole('table', { name: TITLE })).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(expected.items.length);
    const date = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });
    expected.items.forEach((item, i) => {
      const row = rows[i]!;
      expect(row).toHaveTextContent(date.format(new Date(item.occurredAt)).replace(/\s+/g, ' '));
      expect(row).toHaveTextContent(item.kind === 'sales' ? 'Sales email' : 'Marketing email');
      expect(within(row).getByRole('rowheader')).toHaveTextContent(item.reason);
    });
    // Both kinds are there, and a reason reads in words with its remedy.
    expect(section).toHaveTextContent('Sales email');
    expect(section).toHaveTextContent('Marketing email');
    const first = rows[0]!;
    const reason = expected.items[0]!.reason;
    expect(within(first).getByText(reason, { selector: 'code' })).toBeInTheDocument();
    expect(within(first).getAllByRole('cell').at(-1)!.textContent!.length).toBeGreaterThan(10);
  });

  it('says a reason in words, with what it means and what to do', async () => {
    const api = await startMockApi();
    const [c] = await api.db.query<{ id: number }>(
      `SELECT contact_id AS id FROM email_events WHERE not_sent_reason = 'MAILBOX_FULL' ORDER BY occurred_at DESC LIMIT 1`,
    );
    await api.close();
    await renderSection(String(c!.id), { role: 'manager' });
    const section = await screen.findByRole('region', { name: TITLE });
    const row = within(section).getByRole('rowheader', { name: /MAILBOX_FULL/ }).closest('tr')!;
    expect(row).toHaveTextContent('Mailbox full');
    expect(row).toHaveTextContent("The recipient's mailbox has no room left");
    expect(row).toHaveTextContent('Try again later.');
  });

  it('renders nothing for a contact whose emails were all sent', async () => {
    const { without } = await contacts();
    const { container } = await renderSection(without);
    await waitFor(() => expect(screen.queryByRole('status')).not.toBeInTheDocument());
    expect(screen.queryByRole('region', { name: TITLE })).not.toBeInTheDocument();
    expect(container.querySelector('main')).toBeEmptyDOMElement();
  });

  it('says so when the check fails, and tries again', async () => {
    const { withProblems } = await contacts();
    const { api, user } = await renderSection(withProblems, { before: (a) => a.faults.failEndpoint('getContactNotSent', 500) });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("We couldn't check for emails that were not sent.");

    api.faults.reset();
    await user.click(screen.getByRole('button', { name: 'Try again' }));

    expect(await screen.findByRole('table', { name: TITLE })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
