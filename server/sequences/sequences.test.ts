import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SequenceList, SequenceSortField } from '../../src/contract/sequences';
import { testClient, type TestClient } from '../test-utils';

let t: TestClient;
beforeAll(async () => {
  t = await testClient();
});
afterAll(() => t.close());

async function list(role: 'rep' | 'manager' | 'marketer' | 'admin', qs = '') {
  const res = await t.app.request(`/api/sequences${qs}`, { headers: await t.signIn(role) });
  expect(res.status).toBe(200);
  return SequenceList.parse(await res.json());
}

describe('GET /api/sequences', () => {
  it('shows managers, marketers and admins every sequence that is not deleted', async () => {
    const [{ count }] = (await t.db.query<{ count: number }>(
      'SELECT count(*)::int AS count FROM sequences WHERE deleted_at IS NULL',
    )) as [{ count: number }];
    for (const role of ['manager', 'marketer', 'admin'] as const) {
      const body = await list(role);
      expect(body.total).toBe(count);
      expect(body.items).toHaveLength(count);
    }
  });

  it('shows a rep only the sequences they own or enrolled contacts in, counting only their enrollments', async () => {
    const [rep] = (await t.db.query<{ id: number }>(`SELECT id FROM users WHERE email = 'rep@example.com'`)) as [
      { id: number },
    ];
    // A sequence of the manager's that the rep has no part in.
    await t.db.query(
      `INSERT INTO sequences (name, owner_id, created_by)
       SELECT 'Manager only — renewals', id, id FROM users WHERE email = 'manager@example.com'`,
    );
    const expected = await t.db.query<{ id: number; active: number }>(
      `SELECT s.id, (SELECT count(*)::int FROM enrollments e WHERE e.sequence_id = s.id AND e.enrolled_by = $1 AND e.status = 'active') AS active
         FROM sequences s
        WHERE s.deleted_at IS NULL AND (s.owner_id = $1 OR EXISTS (SELECT 1 FROM enrollments e WHERE e.sequence_id = s.id AND e.enrolled_by = $1))`,
      [rep.id],
    );
    const body = await list('rep');
    const all = await list('manager');
    expect(body.total).toBe(expected.length);
    expect(body.total).toBeLessThan(all.total);
    const byId = new Map(body.items.map((i) => [i.id, i]));
    for (const row of expected) expect(byId.get(String(row.id))?.activeEnrollments).toBe(row.active);
  });

  it('counts flagged enrollments as errors', async () => {
    const body = await list('manager');
    const total = body.items.reduce((sum, i) => sum + i.errorCount, 0);
    const [{ count }] = (await t.db.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM enrollments e JOIN sequences s ON s.id = e.sequence_id
        WHERE s.deleted_at IS NULL AND (e.enroll_error IS NOT NULL OR e.email_error IS NOT NULL)`,
    )) as [{ count: number }];
    expect(total).toBe(count);
    expect(total).toBeGreaterThan(0);
  });

  it('searches names case-insensitively and treats wildcards literally', async () => {
    const all = await list('manager');
    const sample = all.items[0]!.name;
    const word = sample.split(/\s+/)[0]!.toUpperCase();
    const found = await list('manager', `?q=${encodeURIComponent(word)}`);
    expect(found.items.length).toBeGreaterThan(0);
    for (const i of found.items) expect(i.name.toUpperCase()).toContain(word);
    expect((await list('manager', '?q=%25')).items.filter((i) => !i.name.includes('%'))).toEqual([]);
  });

  it.each(SequenceSortField.options)('sorts by %s both ways', async (field) => {
    const key = (i: SequenceList['items'][number]) =>
      field === 'owner' ? i.owner.name.toLowerCase() : field === 'name' ? i.name.toLowerCase() : i[field];
    for (const dir of ['asc', 'desc'] as const) {
      const { items } = await list('manager', `?sort=${field}&dir=${dir}`);
      const values = items.map(key).filter((v) => v !== null);
      const sorted = [...values].sort((a, b) => (a! < b! ? -1 : a! > b! ? 1 : 0));
      expect(values).toEqual(dir === 'asc' ? sorted : sorted.reverse());
    }
  });

  it('answers 400 naming the field for an unknown sort', async () => {
    const res = await t.app.request('/api/sequences?sort=password', { headers: await t.signIn('manager') });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { details: { path: string }[] } };
    expect(body.error.details.map((d) => d.path)).toContain('query.sort');
  });
});
