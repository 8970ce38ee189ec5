import type { Role, User } from '../../src/contract/auth';
import type { Queryable } from '../store/db';

interface UserRow {
  id: number;
  email: string;
  name: string;
  role: Role;
  password_hash: string | null;
  active: boolean;
}

export interface StoredUser {
  id: number;
  user: User;
  /** Null until the person sets a password (invited, or brought in by an integration). */
  passwordHash: string | null;
  active: boolean;
}

const toStored = (r: UserRow): StoredUser => ({
  id: r.id,
  user: { id: String(r.id), email: r.email, name: r.name, role: r.role },
  passwordHash: r.password_hash,
  active: r.active,
});

export async function findUserByEmail(db: Queryable, email: string): Promise<StoredUser | null> {
  const rows = await db.query<UserRow>(
    'SELECT id, email, name, role, password_hash, active FROM users WHERE lower(email) = lower($1)',
    [email],
  );
  return rows[0] ? toStored(rows[0]) : null;
}

export async function insertUser(
  db: Queryable,
  u: { email: string; name: string; role: Role; passwordHash: string },
): Promise<StoredUser> {
  const rows = await db.query<UserRow>(
    `INSERT INTO users (email, name, role, password_hash, team_id)
     VALUES ($1, $2, $3, $4, (SELECT min(id) FROM teams))
     RETURNING id, email, name, role, password_hash, active`,
    [u.email, u.name, u.role, u.passwordHash],
  );
  return toStored(rows[0] as UserRow);
}

/** A removed user can no longer sign in (their sessions stop resolving). */
export async function deactivateUser(tx: Queryable, userId: number): Promise<void> {
  await tx.query('UPDATE users SET active = false WHERE id = $1', [userId]);
}
