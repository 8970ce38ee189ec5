// Bulk unenroll and its Undo on the xl dataset, each against a plain SQL UPDATE of the same rows
// in the same run (issue 4: goal ratio ≤ 1.5). Wired into `npm run bench` by bench/run.ts.
//
// Every round puts the rows back as they were, so the rounds measure the same work: the plain
// UPDATEs restore from a saved copy, the API's Undo restores what its bulk unenroll did. The
// batches the bench made are deleted at the end and the table vacuumed, so the xl database
// stays as the other cases expect it.
import type { Db } from '../server/store/db';
import { DEMO_PASSWORD } from '../server/store/seed/demo-users';
import { signInAs, type RequestApp } from '../server/test-utils';

export interface UnenrollBenchRow {
  name: string;
  /** Median over the rounds, milliseconds. */
  ms: number;
  /** The plain SQL UPDATE of the same rows, median over the same rounds. */
  baselineMs: number;
  /** Median of the rounds' ms / baselineMs. */
  ratio: number;
  goal: number;
  /** Rows changed. */
  rows: number;
}

export interface UnenrollBenchOptions {
  db: Db;
  app: RequestApp;
  /** The xl dataset's largest sequence (200,000 enrollments). */
  sequenceId: number;
  rounds?: number;
  /** A manager (or admin) to run the API as. */
  email?: string;
  password?: string;
  log?: (message: string) => void;
}

const GOAL = 1.5;
const SAVED = 'bench_unenroll_saved';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const result = await fn();
  return [performance.now() - t0, result];
}

/** Bulk unenroll of every enrollment of `sequenceId` by filter through the API, and its Undo,
 * each against a plain UPDATE of the same rows. */
export async function benchBulkUnenroll(options: UnenrollBenchOptions): Promise<UnenrollBenchRow[]> {
  const { db, app, sequenceId } = options;
  const rounds = options.rounds ?? 5;
  const log = options.log ?? (() => undefined);

  const signedIn = await signInAs(app, options.email ?? 'manager@example.com', options.password ?? DEMO_PASSWORD);
  const headers = { ...signedIn.headers, 'Content-Type': 'application/json' };
  const actorId = Number(signedIn.user.id);
  const post = async <T>(url: string, body?: unknown, extra: Record<string, string> = {}): Promise<T> => {
    const res = await app.request(url, {
      method: 'POST',
      headers: { ...headers, ...extra },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (res.status !== 200) throw new Error(`${url} → ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };

  // The live rows as they are: what every round restores.
  await db.exec(`DROP TABLE IF EXISTS ${SAVED}`);
  await db.query(
    `CREATE TEMP TABLE ${SAVED} AS
       SELECT id, status, current_step, next_step_at FROM enrollments
        WHERE sequence_id = $1 AND status IN ('active', 'paused')`,
    [sequenceId],
  );
  // Keyed and analysed, so the plain restore gets the best plan too (an index join).
  await db.exec(`ALTER TABLE ${SAVED} ADD PRIMARY KEY (id)`);
  await db.exec(`ANALYZE ${SAVED}`);
  const [{ live, total }] = (await db.query<{ live: number; total: number }>(
    `SELECT (SELECT count(*)::int FROM ${SAVED}) AS live,
            (SELECT count(*)::int FROM enrollments WHERE sequence_id = $1) AS total`,
    [sequenceId],
  )) as [{ live: number; total: number }];
  log(`bulk unenroll bench: sequence ${sequenceId}, ${total} enrollments, ${live} live; ${rounds} rounds`);

  const plainUnenroll = () =>
    db.query(
      `UPDATE enrollments SET status = 'unenrolled', unenroll_reason = 'BULK', unenrolled_by = $2, unenrolled_at = $3,
              next_step_at = NULL, version = version + 1
        WHERE sequence_id = $1 AND status IN ('active', 'paused')`,
      [sequenceId, actorId, new Date()],
    );
  const plainRestore = () =>
    db.query(
      `UPDATE enrollments e SET status = s.status, current_step = s.current_step, next_step_at = s.next_step_at,
              unenroll_reason = NULL, unenrolled_by = NULL, unenrolled_at = NULL, version = e.version + 1
         FROM ${SAVED} s WHERE e.id = s.id`,
    );
  const differences = async () => {
    const [row] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${SAVED} s JOIN enrollments e ON e.id = s.id
        WHERE e.status <> s.status OR e.current_step <> s.current_step
           OR e.next_step_at IS DISTINCT FROM s.next_step_at OR e.unenroll_reason IS NOT NULL`,
    );
    return row?.n ?? -1;
  };

  const times = { plainUnenroll: [] as number[], plainRestore: [] as number[], bulk: [] as number[], undo: [] as number[] };
  const batches: string[] = [];
  const keys: string[] = [];
  try {
    for (let round = 1; round <= rounds; round++) {
      // Alternate which goes first, so that neither always meets the other's dead rows.
      const order = round % 2 ? (['plain', 'api'] as const) : (['api', 'plain'] as const);
      for (const which of order) {
        await db.exec('VACUUM enrollments');
        if (which === 'plain') {
          const [u] = await timed(plainUnenroll);
          const [r] = await timed(plainRestore);
          times.plainUnenroll.push(u);
          times.plainRestore.push(r);
        } else {
          const key = `bench-${Date.now()}-${round}`;
          keys.push(key);
          const [u, bulk] = await timed(() =>
            post<{ batchId: string; unenrolled: number; matched: number }>(
              '/api/enrollments/bulk-unenroll',
              { by: 'filter', sequenceId: String(sequenceId), filter: {}, expectedTotal: total },
              { 'Idempotency-Key': key },
            ),
          );
          if (bulk.unenrolled !== live || bulk.matched !== total) {
            throw new Error(`bulk unenroll changed ${bulk.unenrolled} of ${bulk.matched}, expected ${live} of ${total}`);
          }
          batches.push(bulk.batchId);
          const [r, undo] = await timed(() => post<{ restored: number }>(`/api/unenroll-batches/${bulk.batchId}/undo`));
          if (undo.restored !== live) throw new Error(`undo restored ${undo.restored} of ${live}`);
          times.bulk.push(u);
          times.undo.push(r);
        }
        const diff = await differences();
        if (diff !== 0) throw new Error(`round ${round} (${which}) left ${diff} rows not as they were`);
      }
      log(
        `  round ${round}: plain ${times.plainUnenroll.at(-1)!.toFixed(0)} / ${times.plainRestore.at(-1)!.toFixed(0)} ms, ` +
          `api ${times.bulk.at(-1)!.toFixed(0)} / ${times.undo.at(-1)!.toFixed(0)} ms (unenroll / restore)`,
      );
    }
  } finally {
    if (batches.length) {
      await db.query('DELETE FROM unenroll_batch_items WHERE batch_id = ANY($1::int[])', [batches.map(Number)]);
      await db.query('DELETE FROM unenroll_batches WHERE id = ANY($1::int[])', [batches.map(Number)]);
      await db.query(`DELETE FROM audit_log WHERE action IN ('bulk-unenroll', 'undo-unenroll') AND details->>'batchId' = ANY($1::text[])`, [batches]);
    }
    if (keys.length) await db.query('DELETE FROM idempotency_keys WHERE key = ANY($1::text[])', [keys]);
    await db.exec(`DROP TABLE IF EXISTS ${SAVED}`);
    await db.exec('VACUUM ANALYZE enrollments, unenroll_batch_items');
  }

  // The ratio is the median of each round's own ratio: a round's two runs are back to back, so
  // a busy moment of the machine weighs on both.
  const row = (name: string, ms: number[], base: number[]): UnenrollBenchRow => ({
    name,
    ms: median(ms),
    baselineMs: median(base),
    ratio: median(ms.map((m, i) => m / (base[i] as number))),
    goal: GOAL,
    rows: live,
  });
  return [
    row(`bulk unenroll ${total.toLocaleString('en')} by filter`, times.bulk, times.plainUnenroll),
    row('undo that bulk unenroll', times.undo, times.plainRestore),
  ];
}
