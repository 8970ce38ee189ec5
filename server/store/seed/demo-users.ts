import type { Role } from '../../../src/contract/auth';

/** The password of every demo user. Demo data only: `npm run seed -- --drop-demo-users`
 * deactivates these accounts on a server that must not keep them. */
export const DEMO_PASSWORD = 'demo-password';

export interface DemoUser {
  email: string;
  name: string;
  role: Role;
}

/** The users one can sign in as in demo mode, one per role. Find their ids by email (the seed
 * reports them as `demoUserIds`); nothing should count on what they are. */
export const DEMO_USERS: readonly DemoUser[] = [
  { email: 'rep@example.com', name: 'Sam Rivera', role: 'rep' },
  { email: 'manager@example.com', name: 'Morgan Lee', role: 'manager' },
  { email: 'marketer@example.com', name: 'Alex Kim', role: 'marketer' },
  { email: 'admin@example.com', name: 'Jordan Blake', role: 'admin' },
];

/** The demo user with `role`. */
export function demoUser(role: Role): DemoUser {
  const user = DEMO_USERS.find((u) => u.role === role);
  if (!user) throw new Error(`no demo user with role ${role}`);
  return user;
}

/** Teammates of the demo rep. They fill the team for realism; they cannot sign in (their
 * password hash is not a valid scrypt hash). The last one left the company: sequences they
 * created show the CREATOR_REMOVED unenrollments. */
export const TEAM_REPS: readonly { name: string; active: boolean }[] = [
  { name: 'Priya Natarajan', active: true },
  { name: 'Diego Alvarez', active: true },
  { name: 'Emma Lindqvist', active: true },
  { name: 'Tomasz Nowak', active: true },
  { name: 'Ingrid Solberg', active: true },
  { name: 'Marcus Chen', active: true },
  { name: 'Aisha Bello', active: true },
  { name: 'Kevin Doyle', active: false },
];

/** Stored as the password hash of users who must not sign in: `verifyPassword` rejects it. */
export const NO_SIGN_IN_HASH = 'disabled';
