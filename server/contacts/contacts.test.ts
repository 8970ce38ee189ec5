import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/contract/auth';
import { ContactSearchResult, ImportContactsResult } from '../../src/contract/contacts';
import { demoClock } from '../store/test-db';
import { ok } from '../test-responses';
import { testClient, type TestClient } from '../test-utils';

// API tests of the Contacts list and Import contacts (issue 10), on a fresh copy of the demo
// database with the clock stopped at the data's `now`.

let t: TestClient;
beforeAll(async () => {
  t = await testClient({ clock: await demoClock() });
});
afterAll(() => t.close());

const importRows = (rows: unknown[], key: string = crypto.randomUUID(), role: Role = 'marketer') =>
  t.call(role, 'POST', '/api/contacts/import', { rows }, { 'Idempotency-Key': key });

type ContactRow = {
  id: number;
  first_name: string;
  last_name: string;
  email: string;
  company: string | null;
  consent: string;
  is_marketing: boolean;
  unsubscribed_all: boolean;
};
const contactsByEmail = (emails: string[]) =>
  t.db.query<ContactRow>(
    `SELECT c.id, c.first_name, c.last_name, c.email, co.name AS company, c.consent, c.is_marketing, c.unsubscribed_all
       FROM contacts c LEFT JOIN companies co ON co.id = c.company_id
      WHERE lower(c.email) = ANY($1::text[]) ORDER BY c.id`,
    [emails.map((e) => e.toLowerCase())],
  );
const count = async (sql: string) => (await t.db.query<{ n: number }>(sql))[0]?.n ?? -1;

describe('searchContacts: the Contacts list', () => {
  it('walks every contact by name in keyset pages, with the total', async () => {
    const total = await count('SELECT count(*)::int AS n FROM contacts');
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/contacts?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = await ok(await t.call('rep', 'GET', url), ContactSearchResult);
      expect(page.total).toBe(total);
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 200);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    // The order is last name, then first name, case-insensitively, as the database sorts it.
    const expected = await t.db.query<{ id: number }>(
      `SELECT id FROM contacts ORDER BY (lower(last_name) || chr(1) || lower(first_name)) COLLATE "C", id`,
    );
    expect(seen).toEqual(expected.map((r) => String(r.id)));
  });

  it('searches by email and counts only the matches', async () => {
    const [someone] = await t.db.query<{ email: string }>('SELECT email FROM contacts ORDER BY id LIMIT 1');
    const page = await ok(await t.call('rep', 'GET', `/api/contacts?q=${encodeURIComponent(someone!.email)}`), ContactSearchResult);
    expect(page.items.map((c) => c.email)).toContain(someone!.email);
    expect(page.total).toBe(page.items.length);
    expect(page.nextCursor).toBeNull();
  });

  it('refuses a cursor it did not hand out', async () => {
    const res = await t.call('rep', 'GET', '/api/contacts?cursor=bm9wZQ');
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('query.cursor');
  });
});

describe('importContacts', () => {
  it('creates new contacts, with their company, consent and marketing status', async () => {
    const result = await ok(
      await importRows([
        { email: 'new.one@import.test', firstName: 'Nora', lastName: 'Lind', company: 'Importable AB', consent: 'explicit', marketing: true },
        { email: 'New.Two@Import.test', firstName: 'Ola' },
      ]),
      ImportContactsResult,
    );
    expect(result).toEqual({ received: 2, created: 2, updated: 0, unchanged: 0 });
    const rows = await contactsByEmail(['new.one@import.test', 'new.two@import.test']);
    expect(rows.map(({ id: _id, ...r }) => r)).toEqual([
      { first_name: 'Nora', last_name: 'Lind', email: 'new.one@import.test', company: 'Importable AB', consent: 'explicit', is_marketing: true, unsubscribed_all: false },
      { first_name: 'Ola', last_name: '', email: 'New.Two@Import.test', company: null, consent: 'none', is_marketing: false, unsubscribed_all: false },
    ]);
    // The new contact is in the list.
    const page = await ok(await t.call('rep', 'GET', '/api/contacts?q=new.one%40import.test'), ContactSearchResult);
    expect(page.items).toEqual([{ id: String(rows[0]!.id), name: 'Nora Lind', email: 'new.one@import.test', company: 'Importable AB' }]);
  });

  it('updates by email whatever its case, never blanks a field, and counts the unchanged', async () => {
    const [existing] = await t.db.query<ContactRow>(
      `SELECT c.id, c.first_name, c.last_name, c.email, co.name AS company, c.consent, c.is_marketing, c.unsubscribed_all
         FROM contacts c JOIN companies co ON co.id = c.company_id WHERE NOT c.unsubscribed_all ORDER BY c.id LIMIT 1`,
    );
    const [other] = await t.db.query<ContactRow>('SELECT * FROM contacts WHERE id > $1 ORDER BY id LIMIT 1', [existing!.id]);
    const before = await count('SELECT count(*)::int AS n FROM contacts');
    const result = await ok(
      await importRows([
        // Only the last name given: everything else stays.
        { email: existing!.email.toUpperCase(), lastName: 'Renamed' },
        // Exactly what is stored: unchanged.
        { email: other!.email, firstName: other!.first_name, lastName: other!.last_name },
      ]),
      ImportContactsResult,
    );
    expect(result).toEqual({ received: 2, created: 0, updated: 1, unchanged: 1 });
    expect(await count('SELECT count(*)::int AS n FROM contacts')).toBe(before);
    const [after] = await contactsByEmail([existing!.email]);
    expect(after).toEqual({ ...existing, last_name: 'Renamed' });
  });

  it('records an opt-out but never lifts one', async () => {
    await ok(await importRows([{ email: 'opt.out@import.test', unsubscribed: true }]), ImportContactsResult);
    const again = await ok(await importRows([{ email: 'opt.out@import.test', unsubscribed: false }]), ImportContactsResult);
    expect(again).toEqual({ received: 1, created: 0, updated: 0, unchanged: 1 });
    expect((await contactsByEmail(['opt.out@import.test']))[0]?.unsubscribed_all).toBe(true);
  });

  it('refuses a batch with a bad row, naming its index and field, and writes nothing of it', async () => {
    const before = await count('SELECT count(*)::int AS n FROM contacts');
    const res = await importRows([
      { email: 'fine@import.test', firstName: 'Fine' },
      { email: 'not-an-address', firstName: 'Bad' },
      { email: 'FINE@import.test' },
    ]);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; details: { path: string }[] } };
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.details.map((d) => d.path)).toEqual(['body.rows.1.email', 'body.rows.2.email']);
    expect(await count('SELECT count(*)::int AS n FROM contacts')).toBe(before);
    expect(await contactsByEmail(['fine@import.test'])).toEqual([]);
  });

  it('refuses a batch without an Idempotency-Key', async () => {
    const res = await t.call('admin', 'POST', '/api/contacts/import', { rows: [{ email: 'nokey@import.test' }] });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('header.Idempotency-Key');
    expect(await contactsByEmail(['nokey@import.test'])).toEqual([]);
  });

  it('answers a replay with the first answer and changes nothing', async () => {
    const key = crypto.randomUUID();
    const rows = [{ email: 'replay@import.test', firstName: 'Rita' }];
    const first = await ok(await importRows(rows, key, 'manager'), ImportContactsResult);
    expect(first).toEqual({ received: 1, created: 1, updated: 0, unchanged: 0 });
    // Someone edits the contact in between: a replay must not write the old value back.
    await t.db.query(`UPDATE contacts SET first_name = 'Edited' WHERE lower(email) = 'replay@import.test'`);
    const res = await importRows(rows, key, 'manager');
    expect(res.headers.get('Idempotency-Replayed')).toBe('true');
    expect(await ok(res, ImportContactsResult)).toEqual(first);
    expect((await contactsByEmail(['replay@import.test'])).map((r) => r.first_name)).toEqual(['Edited']);
    // The same key for other rows is refused.
    const reused = await importRows([{ email: 'other@import.test' }], key, 'manager');
    expect(reused.status).toBe(422);
    expect(await contactsByEmail(['other@import.test'])).toEqual([]);
  });

  it('is not for reps', async () => {
    const res = await importRows([{ email: 'rep@import.test' }], crypto.randomUUID(), 'rep');
    expect(res.status).toBe(403);
    expect(await contactsByEmail(['rep@import.test'])).toEqual([]);
  });

  it('takes 1,000 rows in one request and refuses 1,001', async () => {
    const rows = Array.from({ length: 1001 }, (_, i) => ({ email: `bulk${i}@import.test`, company: `Bulk ${i % 7}` }));
    const tooMany = await importRows(rows);
    expect(tooMany.status).toBe(400);
    const result = await ok(await importRows(rows.slice(0, 1000)), ImportContactsResult);
    expect(result).toEqual({ received: 1000, created: 1000, updated: 0, unchanged: 0 });
    // Seven companies, created once each.
    expect(await count(`SELECT count(*)::int AS n FROM companies WHERE name LIKE 'Bulk _'`)).toBe(7);
  });
});
