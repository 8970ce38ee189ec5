// Proves that the datasets do not change: the same seed number and `now` must give the same
// data, whatever the generator's code looks like inside. The expected checksums were recorded
// from the generator as it was before it was split into modules; a change to the data itself
// must update them on purpose.
//
// - demo, as stored: the test snapshot (seeded by `seed()` into PGlite, rebuilt whenever the seed
//   code changes: see test-db.ts), every table hashed in PostgreSQL.
// - demo and xl, as generated: the rows the generator hands to its sink, hashed column by column
//   without a database. xl takes half a minute and more on a busy machine, so it runs only when
//   asked: `SEED_CHECKSUM_XL=1 npx vitest run server/store/seed/checksum.test.ts`.
import { createHash, type Hash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../db';
import { demoSnapshot, openSeededDb, TEST_NOW, TEST_SEED } from '../test-db';
import { generate, type Dataset, type SeedSink } from './generate';
import type { SeedStats } from './seed';

/** Tables whose rows do not come from the seed: the migrations' own record, and the figures
 * the database derives from the enrollments (checked against a recount in
 * server/sequences/figures.test.ts). */
const NOT_SEEDED = ['schema_migrations', 'sequence_figures', 'sequence_error_counts'];

describe('demo dataset, as stored', () => {
  let db: Db;
  let stats: SeedStats;

  beforeAll(async () => {
    stats = (await demoSnapshot()).stats;
    db = await openSeededDb();
  });
  afterAll(() => db?.close());

  test('what the seed reports', () => {
    const { durationMs, ...rest } = stats;
    expect(durationMs).toBeGreaterThan(0);
    expect(rest).toEqual({
      dataset: 'demo',
      seed: 42,
      now: '2026-11-22T22:02:04.000Z',
      counts: {
        account: 1,
        teams: 1,
        users: 12,
        inboxes: 15,
        companies: 1150,
        contacts: 5600,
        sequences: 21,
        sequence_steps: 101,
        enrollments: 25000,
        email_events: 165000,
        marketing_emails: 15,
      },
      largestSequence: { id: 2, name: 'Inbound demo requests — fast follow-up', enrollments: 2500 },
      largestSequenceId: 2,
      smallSequence: { id: 9, name: 'Partner referrals — warm intro', enrollments: 308 },
      smallSequenceId: 9,
      probationSince: '2026-11-13T15:02:04.000Z',
      demoUserIds: { rep: 1, manager: 2, marketer: 3, admin: 4 },
    });
  });

  test('every table, row by row', async () => {
    expect(await tableChecksums(db)).toEqual(DEMO_TABLES);
  });
});

describe('datasets, as generated', () => {
  test('demo', async () => {
    expect(await generatedChecksums('demo')).toEqual(DEMO_GENERATED);
  });

  test.skipIf(!process.env.SEED_CHECKSUM_XL)('xl', { timeout: 300_000 }, async () => {
    expect(await generatedChecksums('xl')).toEqual(XL_GENERATED);
  });
});

/** Per table: its row count and the md5 of its rows as text, in primary-key order. A row is
 * written as JSON without its null columns, so a new nullable column changes no checksum. */
async function tableChecksums(db: Db): Promise<Record<string, string>> {
  // The text of a timestamp depends on the session's settings: fix them.
  await db.exec(`SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET extra_float_digits = 1`);
  const tables = await db.query<{ name: string; key: string }>(
    `SELECT t.relname AS name,
            string_agg(quote_ident(a.attname), ', ' ORDER BY k.ord) AS key
       FROM pg_class t
       JOIN pg_constraint c ON c.conrelid = t.oid AND c.contype = 'p'
       CROSS JOIN unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      WHERE t.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())
        AND t.relkind = 'r' AND NOT t.relname = ANY($1::text[])
      GROUP BY t.relname
      ORDER BY t.relname`,
    [NOT_SEEDED],
  );
  const [{ n } = { n: 0 }] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_class
      WHERE relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()) AND relkind = 'r'`,
  );
  // Every table has a primary key to order by (else it would be missing here).
  expect(tables.length + NOT_SEEDED.length).toBe(n);
  const result: Record<string, string> = {};
  for (const t of tables) {
    const [row] = await db.query<{ rows: number; md5: string }>(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(jsonb_strip_nulls(to_jsonb(t))::text, '|' ORDER BY ${t.key}), '')) AS md5 FROM ${t.name} t`,
    );
    result[t.name] = `${row?.rows} ${row?.md5}`;
  }
  return result;
}

/** Per table written (and per table updated): its row count and a sha256 of its columns, each
 * column hashed as the stream of its values in row order. Independent of how the rows are
 * batched and of the order of the columns, but not of a value's type (1 is not "1"). */
async function generatedChecksums(dataset: Dataset): Promise<Record<string, unknown>> {
  const streams = new Map<string, { rows: number; columns: Map<string, Hash> }>();
  const feed = (key: string, columns: readonly { name: string }[], values: readonly unknown[][]) => {
    let stream = streams.get(key);
    if (!stream) streams.set(key, (stream = { rows: 0, columns: new Map() }));
    stream.rows += values[0]?.length ?? 0;
    columns.forEach((column, i) => {
      let hash = stream.columns.get(column.name);
      if (!hash) stream.columns.set(column.name, (hash = createHash('sha256')));
      const json = JSON.stringify(values[i] ?? []);
      hash.update(`${json.slice(1, -1)},`);
    });
  };
  const sink: SeedSink = {
    insert: async (table, columns, values) => feed(table, columns, values),
    update: async (table, columns, values) => feed(`${table} (update)`, columns, values),
  };
  const result = await generate({ dataset, seed: TEST_SEED, now: TEST_NOW, demoPasswordHash: 'demo-password-hash' }, sink);

  const checksums: Record<string, string> = {};
  for (const [key, stream] of [...streams].sort(([a], [b]) => a.localeCompare(b))) {
    const all = createHash('sha256');
    for (const [name, hash] of [...stream.columns].sort(([a], [b]) => a.localeCompare(b))) all.update(`${name}:${hash.digest('hex')}\n`);
    checksums[key] = `${stream.rows} ${all.digest('hex').slice(0, 32)}`;
  }
  const { largestSequence, smallSequence, probationSince, demoUserIds } = result;
  return { ...checksums, result: { largestSequence, smallSequence, probationSince: probationSince.toISOString(), demoUserIds } };
}

// Recorded from the generator before the split.
const DEMO_TABLES: Record<string, string> = {
  account: '1 11107413b96669c7495d74bb02b562f2',
  activity_events: '0 d41d8cd98f00b204e9800998ecf8427e',
  audit_log: '0 d41d8cd98f00b204e9800998ecf8427e',
  companies: '1150 b6bc5e6a0880d71b9fdb03100cadaaaf',
  contacts: '5600 df7b74587a9e877ef3bb6452dee000f8',
  email_daily: '928 86560ff9eea68db7ce8ec6a16a0879e6',
  email_events: '165000 48707cf5af72804ce6b85f942ef799a3',
  email_not_sent_daily: '1004 7710cdf05efb3eb093ec7b5f69de5528',
  enrollments: '25000 193c84857abea3edfac089fcbe45d226',
  idempotency_keys: '0 d41d8cd98f00b204e9800998ecf8427e',
  inboxes: '15 b36e037fe53f8f3e224091f5b71a18f2',
  ingest_rate: '0 d41d8cd98f00b204e9800998ecf8427e',
  ingest_requests: '0 d41d8cd98f00b204e9800998ecf8427e',
  integration_keys: '0 d41d8cd98f00b204e9800998ecf8427e',
  marketing_emails: '15 0f9003000ed4602cca57523a28ccbaaa',
  probation_transitions: '1 ddcd7b7b8b9b5bd2d623aec278c0077c',
  rate_limit_hits: '0 d41d8cd98f00b204e9800998ecf8427e',
  review_progress: '0 d41d8cd98f00b204e9800998ecf8427e',
  review_removals: '0 d41d8cd98f00b204e9800998ecf8427e',
  send_spread_items: '0 d41d8cd98f00b204e9800998ecf8427e',
  send_spreads: '0 d41d8cd98f00b204e9800998ecf8427e',
  sequence_steps: '101 c86ff4957fdf7db000235990acafabc7',
  sequences: '21 bf538db9e7df5eb6a2441df6b11effea',
  sessions: '0 d41d8cd98f00b204e9800998ecf8427e',
  sign_in_attempts: '0 d41d8cd98f00b204e9800998ecf8427e',
  teams: '1 dd2672643002ceeeaf7e4d8e0ac0525a',
  unenroll_batch_items: '0 d41d8cd98f00b204e9800998ecf8427e',
  unenroll_batches: '0 d41d8cd98f00b204e9800998ecf8427e',
  user_invites: '0 d41d8cd98f00b204e9800998ecf8427e',
  users: '12 a536944a8dddc06f42a8edc81be7ebec',
};

const DEMO_GENERATED: Record<string, unknown> = {
  account: '1 2f893a57ee12f1a880e3295c614d2808',
  companies: '1150 3ae91e4c2cfcf1f63a49661e0f771789',
  contacts: '5600 8d43aee9c2b8f81375b4346d1654fc78',
  'contacts (update)': '1109 f1a83a1bd52af494207a2c24672f4cb4',
  email_events: '165000 2b3b82b32c8ebf4e6a6a6f845e02668b',
  enrollments: '25000 d0a60bd13d00ae3ff065a1e97baeb45f',
  inboxes: '15 a07dcedd46ec4f3d3fc6e1606812685b',
  marketing_emails: '15 5b0103efe1b40d4b938e23bce10e9dc5',
  sequence_steps: '101 bb7ea8e99557bd2d94de7600f25166c1',
  sequences: '21 7cf706870fc31feaa6231b16931d8b57',
  teams: '1 f1a4c9e138943b3d6f0105c1d81ce08a',
  users: '12 46ad198bb1ebe6a509716c9d3f3cb7c1',
  result: {
    largestSequence: { id: 2, name: 'Inbound demo requests — fast follow-up', enrollments: 2500 },
    smallSequence: { id: 9, name: 'Partner referrals — warm intro', enrollments: 308 },
    probationSince: '2026-11-13T15:02:04.000Z',
    demoUserIds: { rep: 1, manager: 2, marketer: 3, admin: 4 },
  },
};

const XL_GENERATED: Record<string, unknown> = {
  account: '1 77381125b963bd25f284744169d9961e',
  companies: '48000 909650a1f39e669a6c81ed66cca7c20c',
  contacts: '300000 f925619c8ae92919e59879701ef05bb1',
  'contacts (update)': '7697 208a5d23e63ab36bc71e5b39988feb0c',
  email_events: '2000000 1f71f01992d111a62660556ebe867981',
  enrollments: '1000000 633a768c5f9c881622785a65ab56cc69',
  inboxes: '56 5bc73deb49b7ce9a16cb7bf2ac7e1f1f',
  marketing_emails: '15 9d513ff5999cdc5ae2de24984afb9d14',
  sequence_steps: '393 68fe25372b083b6d206e5734705fe09d',
  sequences: '80 47db2422f62e8adf1dd836ff5be89e9d',
  teams: '1 f1a4c9e138943b3d6f0105c1d81ce08a',
  users: '44 db36040626d19be8f879a03446917421',
  result: {
    largestSequence: { id: 1, name: 'Q4 Outbound — SaaS CFOs', enrollments: 200000 },
    smallSequence: { id: 9, name: 'Partner referrals — warm intro', enrollments: 2000 },
    probationSince: '2026-11-13T15:02:04.000Z',
    demoUserIds: { rep: 1, manager: 2, marketer: 3, admin: 4 },
  },
};
