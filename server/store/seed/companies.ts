// Phase 2: companies, with the mail provider their domain uses, and the few that blocked the
// platform or opted out of all email.

import type { Companies, SeedContext } from './context';
import { slug } from './helpers';
import { F_BLOCKED_DOMAIN, F_COMPANY_OPTED_OUT } from './rules';
import { BRAND_HEADS, BRAND_TAILS, INDUSTRY_WORDS, LEGAL_FORMS } from './vocabulary';

export async function genCompanies(ctx: SeedContext): Promise<Companies> {
  const rng = ctx.rng.fork('companies');
  const n = ctx.cfg.companies;
  const domainsById: string[] = [''];
  const provider = new Uint8Array(n + 1);
  const flags = new Uint16Array(n + 1);
  const weights: Array<readonly [number, number]> = [];
  const names = new Set<string>();
  const domains = new Set<string>();
  const providerPick = rng.weightedPicker<number>([
    [0, 42], // Google Workspace
    [1, 45], // Microsoft 365
    [2, 1],
    [3, 12],
  ]);
  for (let id = 1; id <= n; id++) {
    let name = '';
    let domain = '';
    for (let attempt = 0; ; attempt++) {
      const brand = rng.pick(BRAND_HEADS) + rng.pick(BRAND_TAILS);
      const [legal, tld] = rng.weighted(LEGAL_FORMS);
      name = `${brand} ${rng.pick(INDUSTRY_WORDS)}${legal ? ` ${legal}` : ''}`;
      domain = `${slug(name.replace(/ (Inc\.|LLC|AB|AS|Sp\. z o\.o\.|GmbH|Ltd|Oy)$/, ''))}.${tld}`;
      if (attempt > 30) {
        name = `${name} ${id}`;
        domain = domain.replace(/\./, `${id}.`);
      }
      if (!names.has(name) && !domains.has(domain)) break;
    }
    names.add(name);
    domains.add(domain);
    provider[id] = providerPick();
    // A few large accounts and a long tail of small ones.
    weights.push([id, 0.3 + Math.pow(rng.next(), 3) * 12]);
    await ctx.out.add('companies', { id, name, domain });
    domainsById.push(domain);
  }
  const pick = rng.weightedPicker(weights);
  // Companies that asked the platform to block their domain, and ones that opted out of all
  // email; picked among the larger ones so that they have contacts.
  const big = rng.weightedPicker(weights.map(([id, w]) => [id, w * w] as const));
  const blocked = Math.max(2, Math.round(n * 0.006));
  const optedOut = Math.max(2, Math.round(n * 0.005));
  for (let i = 0; i < blocked; i++) flags[big()] |= F_BLOCKED_DOMAIN;
  for (let i = 0; i < optedOut; i++) {
    const id = big();
    if (!(flags[id]! & F_BLOCKED_DOMAIN)) flags[id] |= F_COMPANY_OPTED_OUT;
  }
  return { domains: domainsById, provider, flags, pick };
}
