import { prepareTestSnapshots } from '../../server/store/test-db';

/**
 * Vitest global setup: seeds the demo database once into `.cache/test-db/` (rebuilt only when
 * the migrations or the seed code change), so that every test can open its own copy in a
 * fraction of a second with `openSeededDb()`.
 */
export default async function setup(): Promise<void> {
  const { demo, built, ms } = await prepareTestSnapshots();
  if (built) console.info(`test db: demo snapshot built in ${ms} ms (data as of ${demo.now.toISOString()})`);
}
