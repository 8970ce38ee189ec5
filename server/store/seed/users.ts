// Phase 1: the account, its team, the users (the demo users, the named team, generated reps in
// `xl`) and their inboxes.

import type { Role } from '../../../src/contract/auth';
import type { InboxInfo, People, SeedContext, UserInfo } from './context';
import { DAY } from './datasets';
import { DEMO_USERS, NO_SIGN_IN_HASH, TEAM_REPS } from './demo-users';
import { personEmail, slug } from './helpers';
import type { Random } from './random';
import type { InboxProvider } from './rules';
import { ACCOUNT, NAMED_INBOXES, TEAM } from './story';
import { FIRST_NAMES, LAST_NAMES } from './vocabulary';

export async function genAccountAndUsers(ctx: SeedContext): Promise<People> {
  const { cfg, out } = ctx;
  const rng = ctx.rng.fork('users');
  // Older than every contact, user and sequence.
  const accountCreated = ctx.windowStart - 2 * 365 * DAY - 30 * DAY;
  await out.add('account', { ...ACCOUNT, createdAt: accountCreated });
  await out.add('teams', { ...TEAM });

  const people: Array<{ email: string; name: string; role: Role; active: boolean; hash: string }> = [];
  for (const u of DEMO_USERS) people.push({ ...u, active: true, hash: ctx.demoPasswordHash });
  for (const r of TEAM_REPS) people.push({ email: personEmail(r.name), name: r.name, role: 'rep', active: r.active, hash: NO_SIGN_IN_HASH });
  const taken = new Set(people.map((p) => p.email));
  for (let i = 0; i < cfg.extraReps; i++) {
    let name = '';
    let email = '';
    do {
      name = `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
      email = personEmail(name);
    } while (taken.has(email));
    taken.add(email);
    people.push({ email, name, role: 'rep', active: true, hash: NO_SIGN_IN_HASH });
  }

  const users: UserInfo[] = [];
  const salesUsers: UserInfo[] = [];
  const idByEmail = new Map<string, number>();
  let inboxId = 1;
  for (const [index, p] of people.entries()) {
    const id = index + 1;
    const created = accountCreated + rng.int(0, 200) * DAY;
    const removedAt = p.active ? Infinity : ctx.now - 75 * DAY;
    const teamId = p.role === 'rep' || p.role === 'manager' ? TEAM.id : null;
    await out.add('users', { id, email: p.email, name: p.name, role: p.role, passwordHash: p.hash, teamId, active: p.active, createdAt: created });
    idByEmail.set(p.email, id);
    const user: UserInfo = { id, name: p.name, role: p.role, active: p.active, removedAt, inboxes: [] };
    users.push(user);
    if (p.role !== 'rep' && p.role !== 'manager') continue;
    salesUsers.push(user);

    const specs = NAMED_INBOXES[p.name] ?? generatedInboxes(rng);
    for (const [provider, connected] of specs) {
      const address = provider === 'gmail' ? `${slug(p.name)}.sales@gmail.com` : personEmail(p.name);
      const inbox: InboxInfo = { id: inboxId++, userId: id, provider, connected };
      user.inboxes.push(inbox);
      await out.add('inboxes', { id: inbox.id, userId: id, address, provider, connected, dailyLimit: provider === 'gmail' ? 350 : 1000 });
    }
  }

  const demoId = (role: Role) => {
    const id = idByEmail.get(DEMO_USERS.find((u) => u.role === role)?.email ?? '');
    if (id === undefined) throw new Error(`no demo user with role ${role}`);
    return id;
  };
  return {
    users,
    byId: new Map(users.map((u) => [u.id, u])),
    salesUsers,
    demo: { rep: demoId('rep'), manager: demoId('manager'), marketer: demoId('marketer'), admin: demoId('admin') },
  };
}

function generatedInboxes(rng: Random): Array<readonly [InboxProvider, boolean]> {
  const main = rng.weighted<InboxProvider>([
    ['google_workspace', 40],
    ['office365', 35],
    ['exchange', 10],
    ['imap', 5],
    ['gmail', 10],
  ]);
  const list: Array<readonly [InboxProvider, boolean]> = [[main, true]];
  if (rng.chance(0.3)) list.push([rng.chance(0.6) ? 'gmail' : 'imap', rng.chance(0.6)]);
  return list;
}
