import { Industry, type Account } from '../../src/contract/email-health';
import { PROBATION_PLANS } from '../../src/domain/health';
import { thresholdsFor } from '../../src/domain/industry-benchmarks';
import type { Db } from '../store/db';
import { readAccount, updateIndustry } from './store';

/** The account as the contract states it: plan, industry and the industries to choose from. */
export async function accountView(db: Db): Promise<Account> {
  const account = await readAccount(db);
  return {
    name: account.name,
    plan: account.plan,
    industry: account.industry,
    probationEligible: PROBATION_PLANS.includes(account.plan),
    benchmarkSource: thresholdsFor(account.industry).benchmarkSource,
    industries: Industry.options.map((industry) => ({ industry, benchmarkSource: thresholdsFor(industry).benchmarkSource })),
  };
}

/** Sets the account's industry (admins; the route checks) and records who did it. */
export async function setAccountIndustry(db: Db, industry: Industry, actorId: number, now: Date): Promise<Account> {
  await db.transaction((tx) => updateIndustry(tx, industry, actorId, now));
  return accountView(db);
}
