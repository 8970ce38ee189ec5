import type { Role } from '../../src/contract/auth';
import type { AcceptInviteRequest, Invite, InviteUserRequest, ManagedUser, UserList } from '../../src/contract/users';
import { INVITE_TTL_DAYS } from '../../src/domain/users';
import type { Clock, UserLimits } from '../deps';
import type { Session } from '../http/context';
import { HttpError, conflict, notFound } from '../http/errors';
import type { PasswordHasher } from '../sessions/passwords';
import { SESSION_TTL_SECONDS } from '../sessions/service';
import { insertSession } from '../sessions/store';
import { randomToken, sha256Hex } from '../sessions/tokens';
import { audit } from '../store/audit';
import type { Db, Queryable } from '../store/db';
import { hitRateLimit } from '../store/rate-limit';
import {
  countActiveAdmins,
  deactivate,
  findManagedUser,
  insertInvitedUser,
  isLiveInvite,
  listUsers,
  lockActiveAdmins,
  lockUser,
  lockUserByEmail,
  setPassword,
  updateNameAndRole,
  updateRole,
  upsertInvite,
  useInvite,
} from './store';

export const DEFAULT_USER_LIMITS: UserLimits = {
  invites: { max: 5, windowSeconds: 3600 },
  acceptInvite: { max: 10, windowSeconds: 15 * 60 },
  acceptInvitePerAddress: { max: 30, windowSeconds: 15 * 60 },
};

const LAST_ADMIN =
  'This is the last active admin: make another person an active admin first, so that someone can still manage the account.';
const inviteNotValid = () =>
  new HttpError(
    404,
    'not_found',
    'This invite link does not work: it has expired, was replaced by a newer one or was already used. Ask an admin for a new one.',
  );

/** Everyone in the account, and how many admins can sign in. */
export async function usersOverview(db: Db, now: Date): Promise<UserList> {
  const [items, activeAdmins] = await Promise.all([listUsers(db, now), countActiveAdmins(db)]);
  return { items, activeAdmins };
}

async function loadUser(db: Queryable, id: number, now: Date): Promise<ManagedUser> {
  const user = await findManagedUser(db, id, now);
  if (!user) throw notFound('The user');
  return user;
}

/** Makes the person a new invite token (replacing any earlier one) in the caller's transaction. */
async function issueInvite(tx: Queryable, userId: number, actorId: number, now: Date): Promise<{ token: string; expiresAt: Date }> {
  const token = randomToken(32);
  const expiresAt = new Date(now.getTime() + INVITE_TTL_DAYS * 24 * 3600 * 1000);
  await upsertInvite(tx, { userId, tokenHash: await sha256Hex(token), createdBy: actorId, now, expiresAt });
  return { token, expiresAt };
}

/**
 * Invites a person by address. A new address becomes a person without a password; one already
 * here without a password (from the ingest API, or invited before) gets the name and role given
 * and a new link. Someone who can already sign in, or was deactivated, is refused with 409.
 */
export async function inviteUser(
  db: Db,
  actor: Session,
  input: InviteUserRequest,
  now: Date,
  limits: UserLimits,
): Promise<Invite> {
  const email = input.email.trim();
  await hitRateLimit(db, `invite:${email.toLowerCase()}`, limits.invites, now);
  const issued = await db.transaction(async (tx) => {
    const existing = await lockUserByEmail(tx, email);
    let userId: number;
    if (existing) {
      if (!existing.active) throw conflict(`${email} was deactivated and cannot be invited.`);
      if (existing.hasPassword) throw conflict(`${email} can already sign in.`);
      await updateNameAndRole(tx, existing.id, input.name, input.role);
      userId = existing.id;
    } else {
      const id = await insertInvitedUser(tx, { email, name: input.name, role: input.role, now });
      if (id === null) throw conflict(`${email} was added at the same moment. Reload the list and try again.`);
      userId = id;
    }
    const invite = await issueInvite(tx, userId, actor.userId, now);
    await audit(tx, {
      at: now,
      actorId: actor.userId,
      action: 'user.invite',
      subject: `user:${userId}`,
      details: { email, role: input.role, newUser: !existing },
    });
    return { userId, ...invite };
  });
  return { user: await loadUser(db, issued.userId, now), token: issued.token, expiresAt: issued.expiresAt.toISOString() };
}

/** A new link for a person who has no password yet; the earlier link stops working. */
export async function reinviteUser(db: Db, actor: Session, userId: number, now: Date, limits: UserLimits): Promise<Invite> {
  const found = await findManagedUser(db, userId, now);
  if (!found) throw notFound('The user');
  await hitRateLimit(db, `invite:${found.email.toLowerCase()}`, limits.invites, now);
  const invite = await db.transaction(async (tx) => {
    const user = await lockUser(tx, userId);
    if (!user) throw notFound('The user');
    if (!user.active) throw conflict(`${user.email} was deactivated and cannot be invited.`);
    if (user.hasPassword) throw conflict(`${user.email} can already sign in.`);
    const issued = await issueInvite(tx, userId, actor.userId, now);
    await audit(tx, { at: now, actorId: actor.userId, action: 'user.invite', subject: `user:${userId}`, details: { email: user.email, newUser: false } });
    return issued;
  });
  return { user: await loadUser(db, userId, now), token: invite.token, expiresAt: invite.expiresAt.toISOString() };
}

/** Changes a person's role. The last active admin keeps theirs (409). */
export async function changeRole(db: Db, actor: Session, userId: number, role: Role, now: Date): Promise<ManagedUser> {
  await db.transaction(async (tx) => {
    const admins = await lockActiveAdmins(tx);
    const user = await lockUser(tx, userId);
    if (!user) throw notFound('The user');
    if (user.role === role) return;
    if (role !== 'admin' && admins.length === 1 && admins[0] === userId) throw conflict(LAST_ADMIN);
    await updateRole(tx, userId, role);
    await audit(tx, { at: now, actorId: actor.userId, action: 'user.role', subject: `user:${userId}`, details: { from: user.role, to: role } });
  });
  return loadUser(db, userId, now);
}

/** Deactivates a person: sessions end at once, the invite stops working. Not yourself, and never
 * the last active admin (409). Deactivating twice changes nothing. */
export async function deactivateUser(db: Db, actor: Session, userId: number, now: Date): Promise<ManagedUser> {
  await db.transaction(async (tx) => {
    const admins = await lockActiveAdmins(tx);
    const user = await lockUser(tx, userId);
    if (!user) throw notFound('The user');
    if (!user.active) return;
    if (admins.length === 1 && admins[0] === userId) throw conflict(LAST_ADMIN);
    if (userId === actor.userId) throw conflict('You cannot deactivate yourself: ask another admin.');
    await deactivate(tx, userId);
    await audit(tx, { at: now, actorId: actor.userId, action: 'user.deactivate', subject: `user:${userId}`, details: { email: user.email } });
  });
  return loadUser(db, userId, now);
}

/**
 * Sets the password of the person an invite token stands for and signs them in. The token works
 * once: it is marked used in the same transaction as the password is set, so two tries at once
 * cannot both succeed. The password is hashed by the injected hasher, off the event loop.
 */
export async function acceptInvite(
  db: Db,
  clock: Clock,
  passwords: PasswordHasher,
  limits: UserLimits,
  input: AcceptInviteRequest,
  address: string | null,
): Promise<{ token: string; session: Session }> {
  const now = clock.now();
  const tokenHash = await sha256Hex(input.token);
  // Per client too: one client trying token after token meets this limit, not the per-token one.
  if (address) await hitRateLimit(db, `accept-invite-address:${address}`, limits.acceptInvitePerAddress, now);
  await hitRateLimit(db, `accept-invite:${tokenHash}`, limits.acceptInvite, now);
  if (!(await isLiveInvite(db, tokenHash, now))) throw inviteNotValid();
  const passwordHash = await passwords.hash(input.password);
  const sessionToken = randomToken();
  const csrfToken = randomToken(18);
  const userId = await db.transaction(async (tx) => {
    const used = await useInvite(tx, tokenHash, now);
    if (!used) throw inviteNotValid();
    await setPassword(tx, used.userId, passwordHash, now);
    await insertSession(tx, {
      tokenHash: await sha256Hex(sessionToken),
      userId: used.userId,
      csrfToken,
      createdAt: now,
      expiresAt: new Date(now.getTime() + SESSION_TTL_SECONDS * 1000),
    });
    await audit(tx, { at: now, actorId: used.userId, action: 'user.invite-accepted', subject: `user:${used.userId}`, details: {} });
    return used.userId;
  });
  const { id, email, name, role } = await loadUser(db, userId, now);
  return {
    token: sessionToken,
    session: { user: { id, email, name, role }, userId, csrfToken, tokenHash: await sha256Hex(sessionToken) },
  };
}
