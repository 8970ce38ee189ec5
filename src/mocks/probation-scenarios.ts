import type { ProbationLevel } from '../contract/probation';
import type { Db } from '../../server/store/db';

const DAY = 86_400_000;

/**
 * Test scenario: puts the account at `level`, reached a day ago (a probation begun `level`'s
 * place in the escalation ago), whatever the test database's age. Healthy clears the probation.
 */
export async function withProbation(db: Db, level: ProbationLevel, now: Date = new Date()): Promise<void> {
  if (level === 'healthy') {
    await db.query(
      `UPDATE account SET probation_level = 'healthy', probation_level_since = $1, probation_started_at = NULL,
              probation_trigger = NULL, probation_reviewed_at = $1`,
      [now],
    );
    return;
  }
  const levelSince = new Date(now.getTime() - DAY);
  const startedAt = new Date(levelSince.getTime() - { probation: 0, warning_1: 14, warning_2: 21, suspended: 28 }[level] * DAY);
  await db.query(
    `UPDATE account SET probation_level = $1, probation_level_since = $2, probation_started_at = $3,
            probation_trigger = coalesce(probation_trigger, '{"key": "hardBounce", "value": 0.063, "threshold": 0.04}'::jsonb),
            probation_reviewed_at = NULL`,
    [level, levelSince, startedAt],
  );
}
