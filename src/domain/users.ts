// The people of the account: how they get in, and what keeps the account manageable
// (docs/domain.md §11). Pure rules: the server, the browser and the tests share them.

import type { Role } from '../contract/auth';
import { allows } from '../contract/endpoint';
import { routes } from '../contract/routes';

/** Password length, the same for `npm run user:create` and for setting one from an invite. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

/** How long an invite link works. */
export const INVITE_TTL_DAYS = 7;

/**
 * Where a person stands:
 * - `active`: can sign in (has a password, not deactivated);
 * - `invited`: has a live invite link, no password yet;
 * - `invite-expired`: their last link ran out before they used it;
 * - `not-invited`: no password and no invite, e.g. brought in by the ingest API;
 * - `deactivated`: cannot sign in; their sessions and invite were ended.
 */
export type UserState = 'active' | 'invited' | 'invite-expired' | 'not-invited' | 'deactivated';
export const USER_STATES = ['active', 'invited', 'invite-expired', 'not-invited', 'deactivated'] as const;

export interface UserFacts {
  active: boolean;
  hasPassword: boolean;
  /** The person's current invite, if one was made and not used. */
  invite: { expiresAt: Date } | null;
}

export function userState(user: UserFacts, now: Date): UserState {
  if (!user.active) return 'deactivated';
  if (user.hasPassword) return 'active';
  if (!user.invite) return 'not-invited';
  return user.invite.expiresAt.getTime() > now.getTime() ? 'invited' : 'invite-expired';
}

/** Whether an admin may send this person a (new) invite link. */
export const canBeInvited = (state: UserState): boolean =>
  state === 'invited' || state === 'invite-expired' || state === 'not-invited';

/**
 * The account must keep one admin who can sign in, or nobody could manage users and keys again:
 * the last active admin can neither lose the role nor be deactivated.
 */
export function isLastActiveAdmin(user: { role: Role; state: UserState }, activeAdmins: number): boolean {
  // An admin here is whoever the catalog lets manage people (the users endpoints' access).
  return allows(routes.updateUser.access, user.role) && user.state === 'active' && activeAdmins <= 1;
}
