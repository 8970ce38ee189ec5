import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmailProblem, EnrollErrorCode } from '../../src/contract/codes';
import { Enrollment, EnrollmentPage, EnrollmentSortField, EnrollResult } from '../../src/contract/enrollments';
import { SequenceDetail } from '../../src/contract/sequences';
import { errorOf, ok } from '../test-responses';
import { testClient, type TestClient } from '../test-utils';

let t: TestClient;
let ids: { rep: number; manager: number };
let busiest: number; // the sequence with the most enrollments
beforeAll(async () => {
  t = await testClient();
  const users = await t.db.query<{ id: number; role: string }>(
    `SELECT id, role FROM users WHERE email IN ('rep@example.com', 'manager@example.com')`,
  );
  ids = {
    rep: users.find((u) => u.role === 'rep')!.id,
    manager: users.find((u) => u.role === 'manager')!.id,
  };
  const [top] = await t.db.query<{ id: number }>(
    'SELECT sequence_id AS id FROM enrollments GROUP BY sequence_id ORDER BY count(*) DESC LIMIT 1',
  );
  busiest = top!.id;
});
afterAll(() => t.close());

type Role = 'rep' | 'manager' | 'marketer' | 'admin';
const get = async (role: Role, url: string) => t.app.request(url, { headers: await t.signIn(role) });
const post = async (role: Role, url: string, body?: unknown) =>
  t.app.request(url, {
    method: 'POST',
    headers: { ...(await t.signIn(role)), 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const page = async (role: Role, seq: number, qs: string) => ok(await get(role, `/api/sequences/${seq}/enrollments?${qs}`), EnrollmentPage);
async function walk(role: Role, seq: number, qs: string, limit = 200) {
  const rows: Enrollment[] = [];
  let cursor: string | null = null;
  do {
    const p = await page(role, seq, `${qs}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    rows.push(...p.items);
    cursor = p.nextCursor;
  } while (cursor);
  return rows;
}
const count = async (role: Role, seq: number, qs: string) =>
  ((await (await get(role, `/api/sequences/${seq}/enrollments/count?${qs}`)).json()) as { total: number }).total;

describe('listing enrollments', () => {
  it('pages through a filter with keyset cursors, no row twice, none missed', async () => {
    const qs = 'status=unenrolled';
    const rows = await walk('manager', busiest, qs, 50);
    expect(rows.length).toBe(await count('manager', busiest, qs));
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(rows.every((r) => r.status === 'unenrolled')).toBe(true);
  });

  it.each(EnrollmentSortField.options)('keeps the %s order across page boundaries', async (field) => {
    const key = (e: Enrollment): string | number =>
      field === 'contact' ? e.contact.name.toLowerCase() : field === 'status' ? e.status
        : field === 'step' ? e.currentStep : field === 'enrolledAt' ? e.enrolledAt : (e.lastActivityAt ?? '');
    for (const dir of ['asc', 'desc'] as const) {
      const first = await page('manager', busiest, `sort=${field}&dir=${dir}&limit=30`);
      const second = await page('manager', busiest, `sort=${field}&dir=${dir}&limit=30&cursor=${first.nextCursor}`);
      const keys = [...first.items, ...second.items].map(key);
      const sorted = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      expect(keys).toEqual(dir === 'asc' ? sorted : sorted.reverse());
    }
  });

  it('filters by each error code and send problem present in the sequence summary', async () => {
    const detail = SequenceDetail.parse(await (await get('manager', `/api/sequences/${busiest}`)).json());
    expect(detail.errorSummary.length).toBeGreaterThan(0);
    for (const entry of detail.errorSummary) {
      const rows = await walk('manager', busiest, `error=${entry.code}`);
      expect(rows).toHaveLength(entry.count);
      for (const r of rows) expect(entry.kind === 'enroll' ? r.enrollError : r.emailProblem).toBe(entry.code);
    }
  });

  it('filters by enrolled-by, date range and search, and counts the same rows', async () => {
    const { items } = await page('manager', busiest, 'limit=1');
    const sample = items[0]!;
    const day = sample.enrolledAt.slice(0, 10);
    const word = sample.contact.name.split(' ')[1]!.toLowerCase();
    const qs = `enrolledBy=${sample.enrolledBy.id}&from=${day}&to=${day}&q=${encodeURIComponent(word)}`;
    const rows = await walk('manager', busiest, qs);
    expect(rows.map((r) => r.id)).toContain(sample.id);
    expect(rows.length).toBe(await count('manager', busiest, qs));
    for (const r of rows) {
      expect(r.enrolledBy.id).toBe(sample.enrolledBy.id);
      expect(r.enrolledAt.slice(0, 10)).toBe(day);
      expect(`${r.contact.name} ${r.contact.email}`.toLowerCase()).toContain(word);
    }
  });

  it('shows a rep only their own enrollments', async () => {
    const [seq] = await t.db.query<{ id: number }>(
      `SELECT sequence_id AS id FROM enrollments WHERE enrolled_by = $1 GROUP BY sequence_id ORDER BY count(*) DESC LIMIT 1`,
      [ids.rep],
    );
    const rows = await walk('rep', seq!.id, 'sort=enrolledAt');
    const [{ n }] = (await t.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM enrollments WHERE sequence_id = $1 AND enrolled_by = $2',
      [seq!.id, ids.rep],
    )) as [{ n: number }];
    expect(rows).toHaveLength(n);
    expect(rows.every((r) => r.enrolledBy.id === String(ids.rep))).toBe(true);
  });

  it('answers 404 for a sequence the rep cannot see, and for one that does not exist', async () => {
    const [hidden] = await t.db.query<{ id: number }>(
      `INSERT INTO sequences (name, owner_id, created_by) VALUES ('Manager only', $1, $1) RETURNING id`,
      [ids.manager],
    );
    await t.db.query(
      `INSERT INTO enrollments (sequence_id, contact_id, enrolled_by, status, enrolled_at)
       VALUES ($1, (SELECT min(id) FROM contacts), $2, 'active', now())`,
      [hidden!.id, ids.manager],
    );
    expect((await errorOf(await get('rep', `/api/sequences/${hidden!.id}/enrollments`))).status).toBe(404);
    expect((await errorOf(await get('rep', `/api/sequences/${hidden!.id}`))).status).toBe(404);
    expect((await errorOf(await get('manager', '/api/sequences/999999'))).status).toBe(404);
  });

  it.each([
    ['status=sleeping', 'query.status'],
    ['error=NOT_A_CODE', 'query.error'],
    ['enrolledBy=abc', 'query.enrolledBy'],
    ['from=2026-13-01', 'query.from'],
    ['from=2026-05-02&to=2026-05-01', 'query.from'],
    ['limit=5000', 'query.limit'],
    ['sort=password', 'query.sort'],
    ['cursor=bm90LWEtY3Vyc29y', 'query.cursor'],
    ['colour=red', 'query.colour'],
  ])('refuses %s with 400 naming %s', async (qs, path) => {
    const e = await errorOf(await get('manager', `/api/sequences/${busiest}/enrollments?${qs}`));
    expect(e.status).toBe(400);
    expect(e.paths).toContain(path);
  });

  it('refuses a cursor from another sort order', async () => {
    const first = await page('manager', busiest, 'sort=contact&limit=5');
    const e = await errorOf(await get('manager', `/api/sequences/${busiest}/enrollments?sort=step&cursor=${first.nextCursor}`));
    expect(e).toMatchObject({ status: 400, paths: ['query.cursor'] });
  });
});

describe('unenrolling one contact', () => {
  const activeOf = async (by?: number) => {
    const [row] = await t.db.query<{ id: number; sequence_id: number }>(
      `SELECT id, sequence_id FROM enrollments WHERE status = 'active' AND ($1::int IS NULL OR enrolled_by = $1)
        ORDER BY id LIMIT 1 OFFSET 3`,
      [by ?? null],
    );
    return row!;
  };

  it('marks the row unenrolled by the manager and keeps every figure', async () => {
    const row = await activeOf();
    const before = SequenceDetail.parse(await (await get('manager', `/api/sequences/${row.sequence_id}`)).json());
    const res = await post('manager', `/api/enrollments/${row.id}/unenroll`);
    expect(res.status).toBe(200);
    const e = Enrollment.parse(await res.json());
    expect(e).toMatchObject({ status: 'unenrolled', unenrollReason: 'MANUAL', unenrolledBy: { id: String(ids.manager) } });
    const after = SequenceDetail.parse(await (await get('manager', `/api/sequences/${row.sequence_id}`)).json());
    expect(after.figures).toEqual({
      ...before.figures,
      active: before.figures.active - 1,
      unenrolled: before.figures.unenrolled + 1,
    });
    const [audit] = await t.db.query<{ action: string; actor_id: number }>(
      `SELECT action, actor_id FROM audit_log WHERE subject = $1 ORDER BY id DESC LIMIT 1`,
      [`sequence:${row.sequence_id}`],
    );
    expect(audit).toEqual({ action: 'unenroll', actor_id: ids.manager });
    expect((await errorOf(await post('manager', `/api/enrollments/${row.id}/unenroll`))).status).toBe(409);
  });

  it('lets a rep unenroll only their own', async () => {
    const other = await t.db.query<{ id: number }>(
      `SELECT id FROM enrollments WHERE status = 'active' AND enrolled_by <> $1 LIMIT 1`,
      [ids.rep],
    );
    expect((await errorOf(await post('rep', `/api/enrollments/${other[0]!.id}/unenroll`))).status).toBe(404);
    const own = await activeOf(ids.rep);
    expect((await post('rep', `/api/enrollments/${own.id}/unenroll`)).status).toBe(200);
  });

  it('refuses marketers with 403', async () => {
    const row = await activeOf();
    expect(await errorOf(await post('marketer', `/api/enrollments/${row.id}/unenroll`))).toMatchObject({
      status: 403,
      code: 'forbidden',
    });
  });
});

describe('re-enrolling after a send problem', () => {
  const withProblem = async (problem: string, extra = '') => {
    const [row] = await t.db.query<{ id: number; current_step: number; total: number }>(
      `SELECT e.id, e.current_step, (SELECT count(*)::int FROM sequence_steps s WHERE s.sequence_id = e.sequence_id) AS total
         FROM enrollments e LEFT JOIN inboxes i ON i.id = e.inbox_id
        WHERE e.status = 'paused' AND e.email_error = $1 ${extra} ORDER BY e.id LIMIT 1`,
      [problem],
    );
    return row;
  };

  it('restarts a send-limit row at the following step', async () => {
    const row = await withProblem('SEND_LIMIT_REACHED', 'AND e.current_step < (SELECT count(*) FROM sequence_steps s WHERE s.sequence_id = e.sequence_id)');
    expect(row).toBeTruthy();
    expect((await errorOf(await post('manager', `/api/enrollments/${row!.id}/reenroll`, { step: row!.current_step }))).status).toBe(409);
    const res = await post('manager', `/api/enrollments/${row!.id}/reenroll`, { step: row!.current_step + 1 });
    expect(res.status).toBe(200);
    expect(Enrollment.parse(await res.json())).toMatchObject({ status: 'active', emailProblem: null, currentStep: row!.current_step + 1 });
  });

  it('restarts a send-failure row at the same step once the inbox is connected', async () => {
    const row = await withProblem('SEND_FAILURE', 'AND i.connected');
    expect(row).toBeTruthy();
    const res = await post('manager', `/api/enrollments/${row!.id}/reenroll`, { step: row!.current_step });
    expect(res.status).toBe(200);
    expect(Enrollment.parse(await res.json()).currentStep).toBe(row!.current_step);
  });

  it.each(['INBOX_DISCONNECTED', 'GMAIL_SEND_ERROR'])('refuses %s with 409', async (problem) => {
    const row = await withProblem(problem);
    expect(row).toBeTruthy();
    expect((await errorOf(await post('manager', `/api/enrollments/${row!.id}/reenroll`, { step: row!.current_step }))).status).toBe(409);
  });

  it('refuses a step beyond the sequence with 400 naming body.step', async () => {
    const row = await withProblem('SEND_LIMIT_REACHED');
    expect(await errorOf(await post('manager', `/api/enrollments/${row!.id}/reenroll`, { step: 99 }))).toMatchObject({
      status: 400,
      paths: ['body.step'],
    });
  });

  it('offers the re-enroll step only where the problem allows one', async () => {
    for (const problem of EmailProblem.options) {
      const rows = await walk('manager', busiest, `error=${problem}`);
      for (const r of rows) {
        if (problem === 'SEND_LIMIT_REACHED' && r.currentStep < r.totalSteps) expect(r.reenrollStep).toBe(r.currentStep + 1);
        if (problem === 'INBOX_DISCONNECTED' || problem === 'GMAIL_SEND_ERROR') expect(r.reenrollStep).toBeNull();
      }
    }
  });
});

describe('enrolling contacts', () => {
  let seq: number;
  let inbox: number;
  let fresh: number[];

  beforeAll(async () => {
    const [s] = await t.db.query<{ id: number }>('SELECT id FROM sequences WHERE owner_id = $1 LIMIT 1', [ids.rep]);
    seq = s!.id;
    const [i] = await t.db.query<{ id: number }>('SELECT id FROM inboxes WHERE user_id = $1 AND connected LIMIT 1', [ids.rep]);
    inbox = i!.id;
    const rows = await t.db.query<{ id: number }>(
      `SELECT c.id FROM contacts c
        WHERE NOT (c.blocked_address OR c.blocked_domain OR c.bounced_portal OR c.bounced_global OR c.spam_reported
                   OR c.unsubscribed_all OR c.unsubscribed_sales) AND c.address_status <> 'bounced'
          AND NOT EXISTS (SELECT 1 FROM enrollments e WHERE e.contact_id = c.id)
        ORDER BY c.id LIMIT 12`,
    );
    fresh = rows.map((r) => r.id);
    expect(fresh.length).toBe(12);
  });

  const facts: Record<EnrollErrorCode, (contactId: number) => Promise<unknown>> = {
    BLOCKED_ADDRESS: (id) => t.db.query('UPDATE contacts SET blocked_address = true WHERE id = $1', [id]),
    BLOCKED_DOMAIN: (id) => t.db.query('UPDATE contacts SET blocked_domain = true WHERE id = $1', [id]),
    BOUNCED: (id) => t.db.query(`UPDATE contacts SET address_status = 'bounced' WHERE id = $1`, [id]),
    RECIPIENT_PREVIOUSLY_BOUNCED_ON_PORTAL: (id) => t.db.query('UPDATE contacts SET bounced_portal = true WHERE id = $1', [id]),
    RECIPIENT_PREVIOUSLY_BOUNCED_GLOBALLY: (id) => t.db.query('UPDATE contacts SET bounced_global = true WHERE id = $1', [id]),
    PREVIOUSLY_MARKED_AS_SPAM: (id) => t.db.query('UPDATE contacts SET spam_reported = true WHERE id = $1', [id]),
    OTHER_SEND_REJECTED: (id) =>
      t.db.query(
        `INSERT INTO enrollments (sequence_id, contact_id, enrolled_by, status, enroll_error, enrolled_at)
         VALUES ($1, $2, $3, 'failed', 'OTHER_SEND_REJECTED', now())`,
        [seq, id, ids.rep],
      ),
    UNSUBSCRIBED: (id) => t.db.query('UPDATE contacts SET unsubscribed_all = true WHERE id = $1', [id]),
    UNSUBSCRIBED_PERSONAL: (id) => t.db.query('UPDATE contacts SET unsubscribed_sales = true WHERE id = $1', [id]),
    ALREADY_ENROLLED: (id) =>
      t.db.query(
        `INSERT INTO enrollments (sequence_id, contact_id, enrolled_by, status, enrolled_at)
         VALUES ((SELECT id FROM sequences WHERE id <> $1 ORDER BY id LIMIT 1), $2, $3, 'active', now())`,
        [seq, id, ids.manager],
      ),
  };

  it('checks every contact against its own state and answers per contact', async () => {
    const codes = EnrollErrorCode.options;
    for (const [i, code] of codes.entries()) await facts[code](fresh[i]!);
    const clean = fresh[codes.length]!;
    const res = await post('rep', `/api/sequences/${seq}/enrollments`, {
      contactIds: [...codes.map((_, i) => String(fresh[i])), String(clean)],
      step: 1,
      inboxId: String(inbox),
    });
    expect(res.status).toBe(200);
    const { results } = EnrollResult.parse(await res.json());
    for (const [i, code] of codes.entries()) {
      expect(results.find((r) => r.contactId === String(fresh[i]))).toMatchObject({ outcome: 'refused', code });
    }
    expect(results.find((r) => r.code === 'ALREADY_ENROLLED')?.relatedSequence).not.toBeNull();
    expect(results.find((r) => r.contactId === String(clean))).toMatchObject({ outcome: 'enrolled', code: null });
    // The refused ones show their flag in the table, as the rep's own rows.
    const flagged = await walk('rep', seq, 'status=failed');
    for (const code of codes) expect(flagged.some((r) => r.enrollError === code)).toBe(true);
  });

  it('lets a rep enroll only from their own inbox, and never a marketer', async () => {
    const [other] = await t.db.query<{ id: number }>('SELECT id FROM inboxes WHERE user_id <> $1 LIMIT 1', [ids.rep]);
    const body = { contactIds: [String(fresh[11])], step: 1, inboxId: String(other!.id) };
    expect((await errorOf(await post('rep', `/api/sequences/${seq}/enrollments`, body))).status).toBe(403);
    expect((await errorOf(await post('marketer', `/api/sequences/${seq}/enrollments`, body))).status).toBe(403);
  });

  it('refuses a step out of range and unknown contacts with 400 naming the field', async () => {
    const base = { contactIds: [String(fresh[11])], step: 1, inboxId: String(inbox) };
    expect((await errorOf(await post('rep', `/api/sequences/${seq}/enrollments`, { ...base, step: 42 }))).paths).toEqual(['body.step']);
    expect((await errorOf(await post('rep', `/api/sequences/${seq}/enrollments`, { ...base, contactIds: ['99999999'] }))).paths).toEqual(['body.contactIds']);
  });
});

describe('CSV export', () => {
  it('streams every matching row with a header, quoting what needs it', async () => {
    const qs = 'status=paused';
    const res = await get('manager', `/api/sequences/${busiest}/enrollments/export?${qs}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename=".+\.csv"/);
    const lines = (await res.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Contact,Email,Enrolled,Email problem,Current step,Enrolled by,Enrolled at,Last activity,Unenroll reason');
    expect(lines.length - 1).toBe(await count('manager', busiest, qs));
  });

  it('names the file in UTF-8 (RFC 6266) with an ASCII fallback, whatever the script of the sequence name', async () => {
    const [{ name: original }] = await t.db.query<{ name: string }>('SELECT name FROM sequences WHERE id = $1', [busiest]);
    const cases: [name: string, ascii: string, utf8: string][] = [
      ['Łódź outreach', 'lodz-outreach-enrollments.csv', 'łódź-outreach-enrollments.csv'],
      ['Źródła Q3', 'zrodla-q3-enrollments.csv', 'źródła-q3-enrollments.csv'],
      ['Şişli leads', 'sisli-leads-enrollments.csv', 'şişli-leads-enrollments.csv'],
      ['東京 pipeline', 'pipeline-enrollments.csv', '東京-pipeline-enrollments.csv'],
      ['東京', 'sequence-enrollments.csv', '東京-enrollments.csv'],
      ['Café crème', 'cafe-creme-enrollments.csv', 'café-crème-enrollments.csv'],
    ];
    try {
      for (const [name, ascii, utf8] of cases) {
        await t.db.query('UPDATE sequences SET name = $1 WHERE id = $2', [name, busiest]);
        const res = await get('manager', `/api/sequences/${busiest}/enrollments/export?status=paused`);
        expect(res.status, name).toBe(200);
        const header = res.headers.get('content-disposition') ?? '';
        expect(header, name).toBe(`attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(utf8)}`);
        expect((await res.text()).replace(/^\uFEFF/, '').split('\r\n')[0], name).toMatch(/^Contact,Email,/);
      }
      // A plain ASCII name needs no second form.
      await t.db.query('UPDATE sequences SET name = $1 WHERE id = $2', ['Q3 Outbound', busiest]);
      const plain = await get('manager', `/api/sequences/${busiest}/enrollments/export?status=paused`);
      expect(plain.headers.get('content-disposition')).toBe('attachment; filename="q3-outbound-enrollments.csv"');
      await plain.body?.cancel();
    } finally {
      await t.db.query('UPDATE sequences SET name = $1 WHERE id = $2', [original, busiest]);
    }
  });
});
