import { Plan } from '../../src/contract/codes';
import { Industry } from '../../src/contract/email-health';
import { ProbationLevel } from '../../src/contract/probation';
import type { ProbationRecord } from '../../src/domain/probation';
import { audit } from '../store/audit';
import type { Queryable } from '../store/db';
import { parseTrigger } from '../probation/store';

// The account: the one row of `account` (id 1), with its name, plan and industry
// (migration 001) and its probation state (migration 006). Every read of it is findAccount.

export interface AccountRecord extends ProbationRecord {
  name: string;
  plan: Plan;
  industry: Industry;
}

interface AccountRow {
  name: string;
  plan: string;
  industry: string;
  probation_level: string;
  probation_level_since: Date | null;
  probation_started_at: Date | null;
  probation_trigger: unknown;
  probation_reviewed_at: Date | null;
}

const date = (v: Date | string | null): Date | null => (v === null ? null : new Date(v));

/** The account, or null in a database that was never seeded; `forUpdate` locks the row. */
export async function findAccount(db: Queryable, options: { forUpdate?: boolean } = {}): Promise<AccountRecord | null> {
  const [row] = await db.query<AccountRow>(
    `SELECT name, plan, industry,
            probation_level, probation_level_since, probation_started_at, probation_trigger, probation_reviewed_at
       FROM account WHERE id = 1${options.forUpdate ? ' FOR UPDATE' : ''}`,
  );
  if (!row) return null;
  // An industry we hold no data for is compared as "other" (the general benchmark).
  const industry = Industry.safeParse(row.industry);
  return {
    name: row.name,
    plan: Plan.parse(row.plan),
    industry: industry.success ? industry.data : 'other',
    level: ProbationLevel.parse(row.probation_level),
    levelSince: date(row.probation_level_since),
    startedAt: date(row.probation_started_at),
    trigger: parseTrigger(row.probation_trigger),
    reviewedAt: date(row.probation_reviewed_at),
  };
}

/** The account; a database without one is not seeded, which is a bug of the set-up. */
export async function readAccount(db: Queryable, options: { forUpdate?: boolean } = {}): Promise<AccountRecord> {
  const account = await findAccount(db, options);
  if (!account) throw new Error('The account row is missing: the database is not seeded.');
  return account;
}

export async function updateIndustry(tx: Queryable, industry: Industry, actorId: number, at: Date): Promise<void> {
  const before = await findAccount(tx, { forUpdate: true });
  await tx.query('UPDATE account SET industry = $1 WHERE id = 1', [industry]);
  await audit(tx, { at, actorId, action: 'account.industry_changed', subject: 'account', details: { from: before?.industry ?? null, to: industry } });
}
