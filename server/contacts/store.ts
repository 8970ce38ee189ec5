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

/** A contact by id or by email address (the activity feed names it either way), with its company. */
export async function findContact(
  db: Queryable,
  ref: { id: string } | { email: string },
): Promise<{ id: number; companyId: number | null } | null> {
  const [row] =
    'id' in ref
      ? await db.query<{ id: number; company_id: number | null }>('SELECT id, company_id FROM contacts WHERE id = $1', [Number(ref.id)])
      : await db.query<{ id: number; company_id: number | null }>(
          'SELECT id, company_id FROM contacts WHERE lower(email) = lower($1) ORDER BY id LIMIT 1',
          [ref.email],
        );
  return row ? { id: row.id, companyId: row.company_id } : null;
}
