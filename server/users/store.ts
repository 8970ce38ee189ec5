import type { Role } from '../../src/contract/auth';
import type { ManagedUser } from '../../src/contract/users';
import { userState } from '../../src/domain/users';
import type { Queryable } from '../store/db';

// SQL of the Users screen: people with their state, invites (only the hash of a token), roles.

interface UserRow {
  id: number;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  has_password: boolean;
  from_integration: boolean;
  last_sign_in_at: Date | null;
  invite_expires_at: Date | null;
}

const USER_SELECT = `u.id, u.email, u.name, u.role, u.active, u.password_hash IS NOT NULL AS has_password,
  u.external_id IS NOT NULL AS from_integration, u.last_sign_in_at,
  CASE WHEN i.used_at IS NULL THEN i.expires_at END AS invite_expires_at`;
const USER_FROM = 'users u LEFT JOIN user_invites i ON i.user_id = u.id';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function toUser(r: UserRow, now: Date): ManagedUser {
  const state = userState(
    {
      active: r.active,
      hasPassword: r.has_password,
      invite: r.invite_expires_at ? { expiresAt: new Date(r.invite_expires_at) } : null,
    },
    now,
  );
  return {
    id: String(r.id),
    email: r.email,
    name: r.name,
    role: r.role,
    state,
    lastSignInAt: iso(r.last_sign_in_at),
    inviteExpiresAt: state === 'invited' || state === 'invite-expired' ? iso(r.invite_expires_at) : null,
    fromIntegration: r.from_integration,
  };
}

/** Everyone, by name. */
export async function listUsers(db: Queryable, now: Date): Promise<ManagedUser[]> {
  const rows = await db.query<UserRow>(`SELECT ${USER_SELECT} FROM ${USER_FROM} ORDER BY lower(u.name), u.id`);
  return rows.map((r) => toUser(r, now));
}

export async function findManagedUser(db: Queryable, id: number, now: Date): Promise<ManagedUser | null> {
  const [row] = await db.query<UserRow>(`SELECT ${USER_SELECT} FROM ${USER_FROM} WHERE u.id = $1`, [id]);
  return row ? toUser(row, now) : null;
}

/** The person with this email (any case), locked for the change that follows. */
export async function lockUserByEmail(
  tx: Queryable,
  email: string,
): Promise<{ id: number; active: boolean; hasPassword: boolean } | null> {
  const [row] = await tx.query<{ id: number; active: boolean; has_password: boolean }>(
    'SELECT id, active, password_hash IS NOT NULL AS has_password FROM users WHERE lower(email) = lower($1) FOR UPDATE',
    [email],
  );
  return row ? { id: row.id, active: row.active, hasPassword: row.has_password } : null;
}

export async function lockUser(
  tx: Queryable,
  id: number,
): Promise<{ id: number; email: string; role: Role; active: boolean; hasPassword: boolean } | null> {
  const [row] = await tx.query<{ id: number; email: string; role: Role; active: boolean; has_password: boolean }>(
    'SELECT id, email, role, active, password_hash IS NOT NULL AS has_password FROM users WHERE id = $1 FOR UPDATE',
    [id],
  );
  return row ? { id: row.id, email: row.email, role: row.role, active: row.active, hasPassword: row.has_password } : null;
}

/** A new person without a password; null when the address was taken meanwhile. */
export async function insertInvitedUser(
  tx: Queryable,
  u: { email: string; name: string; role: Role; now: Date },
): Promise<number | null> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO users (email, name, role, password_hash, team_id, created_at)
     VALUES ($1, $2, $3, NULL, (SELECT min(id) FROM teams), $4)
     ON CONFLICT ((lower(email))) DO NOTHING RETURNING id`,
    [u.email, u.name, u.role, u.now],
  );
  return row?.id ?? null;
}

export async function updateNameAndRole(tx: Queryable, id: number, name: string, role: Role): Promise<void> {
  await tx.query('UPDATE users SET name = $2, role = $3 WHERE id = $1', [id, name, role]);
}

export async function updateRole(tx: Queryable, id: number, role: Role): Promise<void> {
  await tx.query('UPDATE users SET role = $2 WHERE id = $1', [id, role]);
}

/** The person's invite, replacing any earlier one (whose link stops working). */
export async function upsertInvite(
  tx: Queryable,
  i: { userId: number; tokenHash: string; createdBy: number; now: Date; expiresAt: Date },
): Promise<void> {
  await tx.query(
    `INSERT INTO user_invites (user_id, token_hash, created_by, created_at, expires_at, used_at)
     VALUES ($1, $2, $3, $4, $5, NULL)
     ON CONFLICT (user_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_by = EXCLUDED.created_by,
       created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at, used_at = NULL`,
    [i.userId, i.tokenHash, i.createdBy, i.now, i.expiresAt],
  );
}

/** Uses a live invite (once): the person it is for, or null when the token is unknown, used,
 * replaced, expired, or its person deactivated. */
export async function useInvite(
  tx: Queryable,
  tokenHash: string,
  now: Date,
): Promise<{ userId: number } | null> {
  const [row] = await tx.query<{ user_id: number }>(
    `UPDATE user_invites i SET used_at = $2
       FROM users u
      WHERE i.token_hash = $1 AND i.used_at IS NULL AND i.expires_at > $2 AND u.id = i.user_id AND u.active
      RETURNING i.user_id`,
    [tokenHash, now],
  );
  return row ? { userId: row.user_id } : null;
}

/** Whether a token would be accepted now (checked before the costly password hash). */
export async function isLiveInvite(db: Queryable, tokenHash: string, now: Date): Promise<boolean> {
  const rows = await db.query(
    `SELECT 1 FROM user_invites i JOIN users u ON u.id = i.user_id
      WHERE i.token_hash = $1 AND i.used_at IS NULL AND i.expires_at > $2 AND u.active`,
    [tokenHash, now],
  );
  return rows.length > 0;
}

export async function setPassword(tx: Queryable, userId: number, passwordHash: string, now: Date): Promise<void> {
  await tx.query('UPDATE users SET password_hash = $2, last_sign_in_at = $3 WHERE id = $1', [userId, passwordHash, now]);
}

/** Admins who can sign in, locked, so that two admins demoting each other cannot both succeed. */
export async function lockActiveAdmins(tx: Queryable): Promise<number[]> {
  const rows = await tx.query<{ id: number }>(
    `SELECT id FROM users WHERE role = 'admin' AND active AND password_hash IS NOT NULL ORDER BY id FOR UPDATE`,
  );
  return rows.map((r) => r.id);
}

export async function countActiveAdmins(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM users WHERE role = 'admin' AND active AND password_hash IS NOT NULL`,
  );
  return row?.n ?? 0;
}

/** Deactivates a person: no more sign-in, every session ended, the invite gone. */
export async function deactivate(tx: Queryable, id: number): Promise<void> {
  await tx.query('UPDATE users SET active = false WHERE id = $1', [id]);
  await tx.query('DELETE FROM sessions WHERE user_id = $1', [id]);
  await tx.query('DELETE FROM user_invites WHERE user_id = $1', [id]);
}
