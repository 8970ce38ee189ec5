import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadViaApi, type ViaApiStats } from '../../scripts/seed-via-api';
import { createApp } from '../app';
import { createIntegrationKey } from '../integrations/service';
import { portablePasswords } from '../sessions/passwords';
import { insertUser } from '../sessions/users-store';
import type { Db } from '../store/db';
import { migrate } from '../store/migrate';
import { openPglite } from '../store/pglite-db';
import { DEMO_PASSWORD } from '../store/seed/demo-users';
import { demoClock, openSeededDb } from '../store/test-db';
import { signInAs, type RequestApp } from '../test-utils';

// The proof that nothing is missing from the ingest API: the demo dataset, loaded into an empty
// server through the API alone, makes that server answer what a directly seeded one answers.
// The loaded server's ids are its own; they are mapped back to the source's (its externalIds)
// before comparing. Only the comparison reads the loaded server's database, for that mapping.

type Kind = 'users' | 'sequences' | 'contacts' | 'enrollments' | 'inboxes';
const TABLES: Kind[] = ['users', 'sequences', 'contacts', 'enrollments', 'inboxes'];

/** Objects under these keys are of this kind (their `id` is one). */
const CHILD: Record<string, Kind> = {
  owner: 'users',
  enrolledBy: 'users',
  unenrolledBy: 'users',
  actor: 'users',
  enrollers: 'users',
  updatedBy: 'users',
  relatedSequence: 'sequences',
  sequence: 'sequences',
  contact: 'contacts',
  inbox: 'inboxes',
};
/** Fields that hold an id of this kind. */
const FIELD: Record<string, Kind> = { sequenceId: 'sequences', enrollmentId: 'enrollments', contactId: 'contacts', inboxId: 'inboxes' };

function mapIds(value: unknown, kind: Kind | null, map: (kind: Kind, id: string) => string): unknown {
  if (Array.isArray(value)) return value.map((v) => mapIds(v, kind, map));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => {
      if (key === 'id' && kind && typeof v === 'string') return [key, map(kind, v)];
      const field = FIELD[key];
      if (field && typeof v === 'string') return [key, map(field, v)];
      // A cursor carries the last row's id: compare whether there is a next page.
      if (key === 'nextCursor') return [key, v !== null];
      return [key, mapIds(v, CHILD[key] ?? (key === 'items' ? kind : null), map)];
    }),
  );
}

let source: Db;
let target: Db;
let direct: RequestApp;
let loaded: RequestApp;
let stats: ViaApiStats;
let directHeaders: Record<string, string>;
let loadedHeaders: Record<string, string>;
const toExternal = new Map<Kind, Map<string, string>>();
const toLoaded = new Map<Kind, Map<string, string>>();

beforeAll(async () => {
  const clock = await demoClock();
  source = await openSeededDb();
  direct = createApp({ db: source, clock, version: 'test' });

  // An empty server (SEED_DATASET=none), where the admin was made the normal way (npm run
  // user:create), with the same email as the dataset's admin, who then made an ingest key.
  target = await openPglite();
  await migrate(target);
  const admin = await insertUser(target, {
    email: 'admin@example.com',
    name: 'First Admin',
    role: 'admin',
    passwordHash: await portablePasswords.hash(DEMO_PASSWORD),
  });
  const { key } = await createIntegrationKey(target, { name: 'Seed', scope: 'ingest' }, admin.id, clock.now());
  const app = createApp({ db: target, clock, version: 'test' });
  loaded = app;
  stats = await loadViaApi(source, {
    send: (path, body) =>
      Promise.resolve(
        app.request(path, {
          method: 'POST',
          headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
          body,
        }),
      ),
  });

  for (const table of TABLES) {
    const rows = await target.query<{ id: number; external_id: string }>(`SELECT id, external_id FROM ${table}`);
    toExternal.set(table, new Map(rows.map((r) => [String(r.id), r.external_id])));
    toLoaded.set(table, new Map(rows.map((r) => [r.external_id, String(r.id)])));
  }
  directHeaders = (await signInAs(direct, 'admin@example.com')).headers;
  loadedHeaders = (await signInAs(loaded, 'admin@example.com')).headers;
}, 600_000);
afterAll(async () => {
  await source?.close();
  await target?.close();
});

const external = (kind: Kind, id: string) => {
  const mapped = toExternal.get(kind)?.get(id);
  if (mapped === undefined) throw new Error(`no ${kind} ${id} in the loaded server`);
  return mapped;
};

async function both(path: (kind: 'direct' | 'loaded') => string, kind: Kind | null) {
  const get = async (app: RequestApp, url: string, headers: Record<string, string>) => {
    const res = await app.request(url, { headers });
    const text = await res.text();
    expect(res.status, `${url}: ${text}`).toBe(200);
    return JSON.parse(text) as unknown;
  };
  const a = await get(direct, path('direct'), directHeaders);
  const b = mapIds(await get(loaded, path('loaded'), loadedHeaders), kind, external);
  return { direct: mapIds(a, kind, (_, id) => id), loaded: b };
}

describe('the demo dataset loaded through the ingest API', () => {
  it('posted every row', async () => {
    const [row] = await source.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM inboxes) + (SELECT count(*) FROM companies)
            + (SELECT count(*) FROM contacts) + (SELECT count(*) FROM sequences) + (SELECT count(*) FROM marketing_emails)
            + (SELECT count(*) FROM enrollments) + (SELECT count(*) FROM email_events) + 1 AS n`,
    );
    expect(stats.rows).toBe(Number(row?.n));
    expect(stats.counts.enrollments).toBeGreaterThan(20_000);
  });

  it('shows the same sequences list', async () => {
    const { direct: a, loaded: b } = await both(() => '/api/sequences', 'sequences');
    expect((a as { items: unknown[] }).items.length).toBeGreaterThan(10);
    expect(b).toEqual(a);
  });

  it('shows the same summary and first enrollment pages of several sequences', async () => {
    const list = (await source.query<{ id: number }>(
      `SELECT sequence_id AS id FROM sequence_figures GROUP BY sequence_id ORDER BY sum(enrolled) DESC, sequence_id LIMIT 2`,
    )).concat(await source.query<{ id: number }>(
      `SELECT sequence_id AS id FROM sequence_error_counts GROUP BY sequence_id ORDER BY sum(count) DESC, sequence_id LIMIT 2`,
    ));
    for (const { id } of list) {
      const at = (which: 'direct' | 'loaded', suffix: string) =>
        `/api/sequences/${which === 'direct' ? id : toLoaded.get('sequences')?.get(String(id))}${suffix}`;
      const summary = await both((w) => at(w, ''), 'sequences');
      expect(summary.loaded).toEqual(summary.direct);
      for (const query of ['', '?status=unenrolled', '?sort=contact&dir=asc&limit=100']) {
        const page = await both((w) => at(w, `/enrollments${query}`), 'enrollments');
        expect((page.direct as { items: unknown[] }).items.length).toBeGreaterThan(0);
        expect(page.loaded).toEqual(page.direct);
      }
    }
  });

  it('shows the same email health figures', async () => {
    for (const query of ['', '?window=90d&granularity=week']) {
      const health = await both(() => `/api/email-health${query}`, null);
      expect(health.loaded).toEqual(health.direct);
    }
  });

  it("forecasts the same sends, on the same days of the account's time zone", async () => {
    const forecast = await both(() => '/api/send-forecast', null);
    expect((forecast.direct as { timeZone: string }).timeZone).toBe('Europe/Stockholm');
    expect(forecast.loaded).toEqual(forecast.direct);
  });

  it('is on the same probation, since the same moment', async () => {
    const probation = await both(() => '/api/probation', null);
    expect((probation.direct as { underWatch: boolean }).underWatch).toBe(true);
    expect(probation.loaded).toEqual(probation.direct);
  });
});
