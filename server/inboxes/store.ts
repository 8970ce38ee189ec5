import type { InboxProvider } from '../../src/contract/codes';
import type { Queryable } from '../store/db';

/** A user's sending inboxes, by address. */
export async function inboxesOf(db: Queryable, userId: number) {
  const rows = await db.query<{ id: number; address: string; provider: InboxProvider; connected: boolean }>(
    'SELECT id, address, provider, connected FROM inboxes WHERE user_id = $1 ORDER BY address',
    [userId],
  );
  return rows.map((r) => ({ ...r, id: String(r.id) }));
}

/** An inbox's owner and whether it is connected; null when there is no such inbox. */
export async function findInbox(db: Queryable, id: number): Promise<{ userId: number; connected: boolean } | null> {
  const [inbox] = await db.query<{ user_id: number; connected: boolean }>('SELECT user_id, connected FROM inboxes WHERE id = $1', [id]);
  return inbox ? { userId: inbox.user_id, connected: inbox.connected } : null;
}
