// Phase 3: contacts. Most existed before the history began, some signed up during it, and two
// purchased / scanned lists came in shortly before probation. Each contact has at most one
// piece of history (a bounce, an unsubscribe, …) that explains the flags it carries.

import type { Companies, Contacts, People, SeedContext } from './context';
import { DAY } from './datasets';
import { atHour, slug } from './helpers';
import {
  F_BLOCKED_ADDRESS,
  F_BLOCKED_DOMAIN,
  F_BOUNCED_GLOBAL,
  F_BOUNCED_PORTAL,
  F_COMPANY_OPTED_OUT,
  F_IMPORTED,
  F_INVALID,
  F_MARKETING,
  F_NOT_FOR_SALES,
  F_ROLE_BASED,
  F_SPAM,
  F_UNSUB_ALL,
  F_UNSUB_SALES,
  HISTORY_FLAGS,
} from './rules';
import { CONSENT_MIX, FIRST_NAMES, LAST_NAMES, PERSONAL_DOMAINS, ROLE_MAILBOXES } from './vocabulary';

export async function genContacts(ctx: SeedContext, people: People, companies: Companies): Promise<Contacts> {
  const { cfg, now, windowStart } = ctx;
  const rng = ctx.rng.fork('contacts');
  const n = cfg.contacts;
  const imported = cfg.imports.reduce((sum, i) => sum + i.size, 0);
  const organic = n - imported;
  const contactFlags = new Uint16Array(n + 1);
  const contactProvider = new Uint8Array(n + 1);
  const contactCreatedAt = new Float64Array(n + 1);
  const contactEngagedAt = new Float64Array(n + 1).fill(NaN);
  const contactName: string[] = [];
  const contactEmail: string[] = [];

  // Creation times first, sorted, so that contact ids grow with creation time.
  const created = new Float64Array(organic);
  for (let i = 0; i < organic; i++) {
    created[i] = rng.chance(0.88) ? rng.timeBetween(windowStart - 2 * 365 * DAY, windowStart - DAY) : rng.timeBetween(windowStart, now - DAY);
  }
  created.sort();
  const importTimes: number[] = [];
  for (const imp of cfg.imports) {
    const at = atHour(now - imp.daysAgo * DAY, 14);
    for (let i = 0; i < imp.size; i++) importTimes.push(at + i * 1000);
  }

  const sales = people.salesUsers.filter((u) => u.active);
  const emails = new Set<string>();
  for (let id = 1; id <= n; id++) {
    const isImported = id > organic;
    const createdAt = isImported ? (importTimes[id - organic - 1] as number) : (created[id - 1] as number);
    const beforeWindow = createdAt < windowStart;
    const signup = !isImported && !beforeWindow; // came in through a form during the window
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const companyId = companies.pick();
    let flags = companies.flags[companyId]! & (F_BLOCKED_DOMAIN | F_COMPANY_OPTED_OUT);
    if (isImported) flags |= F_IMPORTED;

    // One piece of history at most per contact keeps each flag explainable.
    const r = rng.next();
    if (beforeWindow) {
      if (r < 0.008) flags |= F_BLOCKED_ADDRESS;
      else if (r < 0.038) flags |= F_BOUNCED_PORTAL;
      else if (r < 0.05) flags |= F_BOUNCED_GLOBAL;
      else if (r < 0.055) flags |= F_SPAM;
      else if (r < 0.08) flags |= F_UNSUB_ALL;
      else if (r < 0.11) flags |= F_UNSUB_SALES;
      else if (r < 0.128) flags |= F_ROLE_BASED;
      else if (r < 0.136) flags |= F_INVALID;
    } else if (signup) {
      if (r < 0.01) flags |= F_UNSUB_ALL;
      else if (r < 0.02) flags |= F_ROLE_BASED;
      else if (r < 0.03) flags |= F_INVALID;
    } else if (r < 0.03) {
      flags |= F_ROLE_BASED;
    }

    const personal = !isImported && !(flags & F_ROLE_BASED) && rng.chance(0.12);
    let domain = companies.domains[companyId] as string;
    let provider = companies.provider[companyId] as number;
    if (personal) {
      const [d, p] = rng.weighted(PERSONAL_DOMAINS);
      domain = d;
      provider = p;
    }
    let email = '';
    if (flags & F_ROLE_BASED) {
      email = `${rng.pick(ROLE_MAILBOXES)}@${domain}`;
      if (emails.has(email)) flags &= ~F_ROLE_BASED;
    }
    if (!(flags & F_ROLE_BASED)) {
      const local = `${slug(first)}.${slug(last)}`;
      email = `${local}@${domain}`;
      if (emails.has(email)) email = `${slug(first).charAt(0)}${slug(last)}@${domain}`;
      while (emails.has(email)) email = `${local}${rng.int(2, 999)}@${domain}`;
    }
    emails.add(email);

    const marketing = isImported || signup || rng.chance(0.6);
    if (marketing) flags |= F_MARKETING;
    const consent = isImported ? 'none' : signup ? (rng.chance(0.85) ? 'explicit' : 'implied') : rng.weighted(CONSENT_MIX);
    let engagedAt = NaN;
    if (!isImported && rng.chance(flags & (F_BOUNCED_PORTAL | F_BOUNCED_GLOBAL | F_INVALID) ? 0.3 : 0.78)) {
      engagedAt = rng.timeBetween(Math.max(createdAt, now - 400 * DAY), now - DAY);
    }
    const ownerId = isImported ? null : rng.chance(beforeWindow ? 0.8 : 0.3) ? rng.pick(sales).id : null;
    const status =
      flags & F_BOUNCED_PORTAL ? 'bounced' : flags & (F_INVALID | F_BOUNCED_GLOBAL) ? 'invalid' : flags & F_ROLE_BASED ? 'role_based' : 'valid';

    contactFlags[id] = flags;
    contactProvider[id] = provider;
    contactCreatedAt[id] = createdAt;
    contactEngagedAt[id] = engagedAt;
    contactName[id] = `${first} ${last}`;
    contactEmail[id] = email;
    await ctx.out.add('contacts', {
      id,
      firstName: first,
      lastName: last,
      email,
      companyId,
      ownerId,
      isMarketing: marketing,
      consent,
      lastEngagedAt: Number.isNaN(engagedAt) ? null : engagedAt,
      addressStatus: status,
      blockedAddress: !!(flags & F_BLOCKED_ADDRESS),
      blockedDomain: !!(flags & F_BLOCKED_DOMAIN),
      bouncedPortal: !!(flags & F_BOUNCED_PORTAL),
      bouncedGlobal: !!(flags & F_BOUNCED_GLOBAL),
      spamReported: !!(flags & F_SPAM),
      unsubscribedAll: !!(flags & F_UNSUB_ALL),
      unsubscribedSales: !!(flags & F_UNSUB_SALES),
      createdAt,
    });
  }
  await ctx.out.flush('contacts');

  // Pools the enrollments draw from: clean contacts for sequences, and for each enrollment
  // error the contacts whose own state explains it. All existed before the enrollments began.
  const pool: number[] = [];
  const flagged = new Map<number, number[]>();
  for (let id = 1; id <= organic; id++) {
    if (contactCreatedAt[id]! >= windowStart) continue;
    const flags = contactFlags[id]!;
    if (!(flags & F_NOT_FOR_SALES)) pool.push(id);
    for (const bit of HISTORY_FLAGS) {
      if (flags & bit) {
        let list = flagged.get(bit);
        if (!list) flagged.set(bit, (list = []));
        list.push(id);
      }
    }
  }
  const flagPools = new Map<number, Int32Array>();
  for (const [bit, list] of flagged) flagPools.set(bit, Int32Array.from(list));
  ctx.progress(`contacts: ${n.toLocaleString('en')} (${pool.length.toLocaleString('en')} in the sales pool)`);
  return {
    count: n,
    flags: contactFlags,
    provider: contactProvider,
    createdAt: contactCreatedAt,
    engagedAt: contactEngagedAt,
    name: contactName,
    email: contactEmail,
    salesPool: Int32Array.from(pool),
    flagPools,
  };
}
