import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../../test/render-app';

const csv = (name: string, text: string) => new File([text], name, { type: 'text/csv' });

/** The contacts of the test's database with these addresses, by email. */
async function stored(db: { query<T>(sql: string, params?: unknown[]): Promise<T[]> }, emails: string[]) {
  return db.query<{ email: string; first_name: string; last_name: string; company: string | null }>(
    `SELECT c.email, c.first_name, c.last_name, co.name AS company FROM contacts c LEFT JOIN companies co ON co.id = c.company_id
      WHERE lower(c.email) = ANY($1::text[]) ORDER BY c.email`,
    [emails.map((e) => e.toLowerCase())],
  );
}

describe('Import contacts', () => {
  it('previews the matched columns and each bad row with its reason, then imports the good rows and says what happened', async () => {
    const { user, api } = await renderApp({ url: '/contacts', user: 'marketer' });
    await user.click(await screen.findByRole('link', { name: 'Import contacts' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Import contacts' })).toBeInTheDocument();

    const [known] = await api.db.query<{ email: string; first_name: string }>('SELECT email, first_name FROM contacts ORDER BY id LIMIT 1');
    const file = csv(
      'people.csv',
      [
        'E-mail Address, First Name ,LAST_NAME,Organisation,Notes',
        'ada@import.test,Ada,Lovelace,Analytical Ltd,first',
        `${known!.email.toUpperCase()},,Newname,,existing`,
        'not-an-email,Bad,Row,,',
        ',No,Email,,',
        'ADA@import.test,Ada,Again,,dup',
        'grace@import.test,Grace,Hopper,Navy,',
      ].join('\r\n'),
    );
    await user.upload(screen.getByLabelText('CSV file'), file);

    const columns = await screen.findByRole('table', { name: 'The columns of people.csv and what each is imported as' });
    const matchOf = (column: string) => within(columns).getByRole('combobox', { name: `Import the column “${column}” as` });
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Columns' })).toHaveFocus());
    expect(matchOf('E-mail Address')).toHaveDisplayValue('Email');
    expect(matchOf('First Name')).toHaveDisplayValue('First name');
    expect(matchOf('LAST_NAME')).toHaveDisplayValue('Last name');
    expect(matchOf('Organisation')).toHaveDisplayValue('Company');
    expect(matchOf('Notes')).toHaveDisplayValue("Don't import");

    const counts = () =>
      Object.fromEntries(
        within(screen.getByRole('region', { name: 'What will be imported' }))
          .getAllByRole('term')
          .map((term) => [term.textContent, term.nextElementSibling?.textContent]),
      );
    expect(counts()).toEqual({ 'Rows in the file': '6', 'Ready to import': '3', 'With problems, skipped': '3' });
    const bad = screen.getByRole('table', { name: 'Rows that will be skipped, by line in the file' });
    expect(
      within(bad)
        .getAllByRole('row')
        .slice(1)
        .map((row) => [within(row).getByRole('rowheader').textContent, ...within(row).getAllByRole('cell').map((c) => c.textContent)]),
    ).toEqual([
      ['4', 'Invalid email', 'not-an-email'],
      ['5', 'Missing email', ''],
      ['6', 'Duplicate in the file (the same address as line 2)', 'ADA@import.test'],
    ]);

    // The user decides the company column is not to be imported.
    await user.selectOptions(matchOf('Organisation'), "Don't import");
    expect(matchOf('Organisation')).toHaveDisplayValue("Don't import");

    await user.click(screen.getByRole('button', { name: 'Import 3 contacts' }));
    const finished = await screen.findByRole('heading', { name: 'Import finished' });
    await waitFor(() => expect(finished).toHaveFocus());
    const result = Object.fromEntries(
      screen.getAllByRole('term').map((term) => [term.textContent, term.nextElementSibling?.textContent]),
    );
    expect(result).toEqual({ Created: '2', Updated: '1', Unchanged: '0', 'Skipped (problems in the file)': '3' });

    const after = Object.fromEntries((await stored(api.db, ['ada@import.test', 'grace@import.test', known!.email])).map((r) => [r.email, r]));
    expect(after['ada@import.test']).toEqual({ email: 'ada@import.test', first_name: 'Ada', last_name: 'Lovelace', company: null });
    expect(after['grace@import.test']).toEqual({ email: 'grace@import.test', first_name: 'Grace', last_name: 'Hopper', company: null });
    // The empty first name did not erase the stored one, nor the unimported column its company.
    expect(after[known!.email]).toMatchObject({ first_name: known!.first_name, last_name: 'Newname', company: expect.any(String) });

    // The list shows the new contact.
    await user.click(screen.getByRole('link', { name: 'Go to contacts' }));
    await user.type(await screen.findByRole('searchbox', { name: 'Search contacts' }), 'ada@import.test{Enter}');
    expect(await screen.findByRole('link', { name: 'Ada Lovelace' })).toBeInTheDocument();
  });

  it('asks for the email column when no header matches, and imports once one is chosen', async () => {
    const { user } = await renderApp({ url: '/contacts/import', user: 'manager' });
    await user.upload(await screen.findByLabelText('CSV file'), csv('list.csv', 'Who,Address\nAnn Berg,ann@import.test\n'));
    expect(await screen.findByRole('alert')).toHaveTextContent('No column is imported as Email.');
    expect(screen.queryByRole('button', { name: /^Import \d/ })).not.toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Import the column “Address” as' }), 'Email');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Import the column “Who” as' }), 'Full name');
    expect(screen.getByRole('button', { name: 'Import 1 contact' })).toBeInTheDocument();
  });

  it('refuses a file that is not CSV, and an empty one', async () => {
    const { user } = await renderApp({ url: '/contacts/import', user: 'admin' });
    const upload = userEvent.setup({ applyAccept: false });
    await upload.upload(await screen.findByLabelText('CSV file'), new File(['x'], 'contacts.xlsx', { type: 'application/vnd.ms-excel.sheet' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This is not a CSV file. Choose a file ending in .csv.');
    await waitFor(() => expect(screen.getByLabelText('CSV file')).toHaveFocus());
    await user.upload(screen.getByLabelText('CSV file'), csv('empty.csv', ''));
    expect(await screen.findByRole('alert')).toHaveTextContent('The file is empty: it has no header row.');
  });

  it('stops when a batch fails, says exactly what went in, and retries only the rest', async () => {
    const { user, api } = await renderApp({ url: '/contacts/import', user: 'manager' });
    const lines = Array.from({ length: 1500 }, (_, i) => `batch${i}@import.test,Person ${i}`);
    // The second batch's request fails on the way (once); the first goes through.
    let calls = 0;
    api.server.use(
      http.post('*/api/contacts/import', () => {
        calls += 1;
        return calls === 2 ? HttpResponse.error() : undefined;
      }),
    );
    await user.upload(await screen.findByLabelText('CSV file'), csv('big.csv', ['email,name', ...lines].join('\n')));
    await user.click(await screen.findByRole('button', { name: 'Import 1,500 contacts' }));

    const stopped = await screen.findByRole('heading', { name: 'The import stopped' });
    await waitFor(() => expect(stopped).toHaveFocus());
    expect(screen.getByText(/1,000 of 1,500 contacts were imported; the other 500 were not/)).toBeInTheDocument();
    expect((await api.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM contacts WHERE email LIKE 'batch%@import.test'`))[0]?.n).toBe(1000);

    await user.click(screen.getByRole('button', { name: 'Retry the rest' }));
    expect(await screen.findByRole('heading', { name: 'Import finished' })).toBeInTheDocument();
    const created = screen.getByText('Created').nextElementSibling;
    expect(created).toHaveTextContent('1,500');
    expect((await api.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM contacts WHERE email LIKE 'batch%@import.test'`))[0]?.n).toBe(1500);
    expect(calls).toBe(3);
  });
});
