import type { ContactSummary } from '../../src/contract/contacts';
import type { ImportContactRow } from '../../src/domain/contact-import';
import { fetchLimit, keysetPage, type CursorKey, type KeysetPage } from '../http/cursor';
import type { Queryable } from '../store/db';
import { likePattern } from '../store/sql';

/** The order of the Contacts list: last name, then first name, case-insensitively (the
 * expression of the contacts_name_order_idx index), then id. */
const NAME_ORDER = `((lower(c.last_name) || chr(1) || lower(c.first_name)) COLLATE "C")`;
const SEARCH = `($1::text IS NULL OR (c.first_name || ' ' || c.last_name || ' ' || c.email) ILIKE $1)`;

/** One keyset page of contacts by name, searched by name or email, and how many match. */
export async function searchContacts(
  db: Queryable,
  q: string | undefined,
  limit: number,
  after: CursorKey | null = null,
): Promise<KeysetPage<ContactSummary> & { total: number }> {
  const pattern = q ? likePattern(q) : null;
  const [rows, [count]] = await Promise.all([
    db.query<{ id: number; name: string; email: string; company: string | null; sort_key: string }>(
      `SELECT c.id, btrim(c.first_name || ' ' || c.last_name) AS name, c.email, co.name AS company, ${NAME_ORDER} AS sort_key
         FROM contacts c LEFT JOIN companies co ON co.id = c.company_id
        WHERE ${SEARCH}
          AND ($2::text IS NULL OR (${NAME_ORDER}, c.id) > ($2::text COLLATE "C", $3::int))
        ORDER BY ${NAME_ORDER}, c.id
        LIMIT $4`,
      [pattern, after ? String(after[0]) : null, after ? after[1] : null, fetchLimit(limit)],
    ),
    db.query<{ total: number }>(`SELECT count(*)::int AS total FROM contacts c WHERE ${SEARCH}`, [pattern]),
  ]);
  const page = keysetPage(
    rows,
    limit,
    (r) => ({ id: String(r.id), name: r.name, email: r.email, company: r.company }),
    (r): CursorKey => [r.sort_key, r.id],
  );
  return { ...page, total: count?.total ?? 0 };
}

/** What one import batch did. */
export interface ImportCounts {
  created: number;
  updated: number;
}

/**
 * Creates or updates `rows` by email address (lower case), set-based: a fixed handful of
 * statements whatever the number of rows. A field a row leaves out keeps its value; an opt-out
 * is recorded but never lifted. Run it in a transaction; concurrent imports queue on a lock so
 * that two batches cannot both create the same address.
 */
export async function importContactRows(tx: Queryable, rows: readonly ImportContactRow[], now: Date): Promise<ImportCounts> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('contacts-import'))`);
  const col = <K extends keyof ImportContactRow>(key: K) => rows.map((r) => r[key] ?? null);
  const emails = col('email');
  const companies = col('company');
  // Companies named in the file that do not exist yet, each once (named by its first spelling).
  await tx.query(
    `INSERT INTO companies (name, domain)
     SELECT DISTINCT ON (lower(i.company)) i.company, split_part(i.email, '@', 2)
       FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS i(email, company, n)
      WHERE i.company IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM companies co WHERE lower(co.name) = lower(i.company))
      ORDER BY lower(i.company), i.n`,
    [emails, companies],
  );
  const [counts] = await tx.query<{ created: number; updated: number }>(
    `WITH input AS (
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::boolean[], $7::boolean[])
         AS i(email, first_name, last_name, company, consent, marketing, unsubscribed)
     ), resolved AS (
       SELECT i.*,
              (SELECT min(co.id) FROM companies co WHERE lower(co.name) = lower(i.company)) AS company_id,
              (SELECT min(c.id) FROM contacts c WHERE lower(c.email) = lower(i.email)) AS contact_id
         FROM input i
     ), updated AS (
       UPDATE contacts c
          SET first_name = COALESCE(r.first_name, c.first_name),
              last_name = COALESCE(r.last_name, c.last_name),
              company_id = COALESCE(r.company_id, c.company_id),
              consent = COALESCE(r.consent, c.consent),
              is_marketing = COALESCE(r.marketing, c.is_marketing),
              unsubscribed_all = c.unsubscribed_all OR COALESCE(r.unsubscribed, false)
         FROM resolved r
        WHERE c.id = r.contact_id
          AND ((r.first_name IS NOT NULL AND r.first_name IS DISTINCT FROM c.first_name)
               OR (r.last_name IS NOT NULL AND r.last_name IS DISTINCT FROM c.last_name)
               OR (r.company_id IS NOT NULL AND r.company_id IS DISTINCT FROM c.company_id)
               OR (r.consent IS NOT NULL AND r.consent IS DISTINCT FROM c.consent)
               OR (r.marketing IS NOT NULL AND r.marketing IS DISTINCT FROM c.is_marketing)
               OR (r.unsubscribed AND NOT c.unsubscribed_all))
       RETURNING c.id
     ), inserted AS (
       INSERT INTO contacts (first_name, last_name, email, company_id, consent, is_marketing, unsubscribed_all, created_at)
       SELECT COALESCE(r.first_name, ''), COALESCE(r.last_name, ''), r.email, r.company_id, COALESCE(r.consent, 'none'),
              COALESCE(r.marketing, false), COALESCE(r.unsubscribed, false), $8
         FROM resolved r
        WHERE r.contact_id IS NULL
       RETURNING id
     )
     SELECT (SELECT count(*) FROM inserted)::int AS created, (SELECT count(*) FROM updated)::int AS updated`,
    [emails, col('firstName'), col('lastName'), companies, col('consent'), col('marketing'), col('unsubscribed'), now],
  );
  return { created: counts?.created ?? 0, updated: counts?.updated ?? 0 };
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
