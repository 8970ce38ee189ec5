import type { InboxProvider } from '../../src/contract/codes';
import type { ContactSummary } from '../../src/contract/contacts';
import type { Queryable } from '../store/db';
import { likePattern } from '../store/sql';

export async function searchContacts(db: Queryable, q: string | undefined, limit: number): Promise<ContactSummary[]> {
  const rows = await db.query<{ id: number; name: string; email: string; company: string | null }>(
    `SELECT c.id, c.first_name || ' ' || c.last_name AS name, c.email, co.name AS company
       FROM contacts c LEFT JOIN companies co ON co.id = c.company_id
      WHERE $1::text IS NULL OR (c.first_name || ' ' || c.last_name || ' ' || c.email) ILIKE $1
      ORDER BY lower(c.last_name) COLLATE "C", lower(c.first_name) COLLATE "C", c.id
      LIMIT $2`,
    [q ? likePattern(q) : null, limit],
  );
  return rows.map((r) => ({ id: String(r.id), name: r.name, email: r.email, company: r.company }));
}

export async function getContact(
  db: Queryable,
  id: number,
): Promise<(ContactSummary & { owner: { id: string; name: string } | null }) | null> {
  const [r] = await db.query<{
    id: number;
    name: string;
    email: string;
    company: string | null;
    owner_id: number | null;
    owner_name: string | null;
  }>(
    `SELECT c.id, c.first_name || ' ' || c.last_name AS name, c.email, co.name AS company,
            c.owner_id, u.name AS owner_name
       FROM contacts c LEFT JOIN companies co ON co.id = c.company_id LEFT JOIN users u ON u.id = c.owner_id
      WHERE c.id = $1`,
    [id],
  );
  if (!r) return null;
  return {
    id: String(r.id),
    name: r.name,
    email: r.email,
    company: r.company,
    owner: r.owner_id ? { id: String(r.owner_id), name: r.owner_name ?? '' } : null,
  };
}

export async function inboxesOf(db: Queryable, userId: number) {
  const rows = await db.query<{ id: number; address: string; provider: InboxProvider; connected: boolean }>(
    'SELECT id, address, provider, connected FROM inboxes WHERE user_id = $1 ORDER BY address',
    [userId],
  );
  return rows.map((r) => ({ ...r, id: String(r.id) }));
}
