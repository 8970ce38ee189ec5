import { z } from 'zod';
import { EMAIL_MAX_LENGTH } from './email';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, USER_STATES } from '../domain/users';
import { Role } from './auth';
import { Count, Instant } from './common';

// The Users screen (admins) and the invite link a person opens to set their password.

export const UserState = z
  .enum(USER_STATES)
  .describe('active: can sign in; invited: has a live invite link; invite-expired; not-invited: no password yet; deactivated');

export const ManagedUser = z
  .object({
    id: z.string(),
    email: z.email(),
    name: z.string(),
    role: Role,
    state: UserState,
    lastSignInAt: Instant.nullable(),
    inviteExpiresAt: Instant.nullable().describe('When the current invite link stops working, while there is one'),
    fromIntegration: z.boolean().describe('Brought in by the ingest API (has an external id)'),
  })
  .meta({ id: 'ManagedUser' });
export type ManagedUser = z.infer<typeof ManagedUser>;

export const UserList = z
  .object({
    items: z.array(ManagedUser),
    activeAdmins: Count.describe('Admins who can sign in: the last one cannot be demoted or deactivated'),
  })
  .meta({ id: 'UserList' });
export type UserList = z.infer<typeof UserList>;

export const InviteUserRequest = z
  .object({
    email: z.email().max(EMAIL_MAX_LENGTH),
    name: z.string().trim().min(1).max(200),
    role: Role,
  })
  .strict()
  .meta({ id: 'InviteUserRequest' });
export type InviteUserRequest = z.infer<typeof InviteUserRequest>;

export const Invite = z
  .object({
    user: ManagedUser,
    token: z
      .string()
      .describe('Shown once: the app builds the link /invite#<token> from it. Only its hash is stored.'),
    expiresAt: Instant,
  })
  .meta({ id: 'Invite' });
export type Invite = z.infer<typeof Invite>;

export const UpdateUserRequest = z.object({ role: Role }).strict().meta({ id: 'UpdateUserRequest' });
export type UpdateUserRequest = z.infer<typeof UpdateUserRequest>;

export const Password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `The password must have at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `The password must have at most ${PASSWORD_MAX_LENGTH} characters`);

export const AcceptInviteRequest = z
  .object({
    token: z.string().min(20).max(200).describe('The token from the invite link (after the #), sent in the body, never in a URL'),
    password: Password,
  })
  .strict()
  .meta({ id: 'AcceptInviteRequest' });
export type AcceptInviteRequest = z.infer<typeof AcceptInviteRequest>;
