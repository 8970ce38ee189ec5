import type {
  FailingStep,
  ForecastDay,
  SendForecast,
  SendForecastQuery,
  SpreadPreview,
  SpreadResult,
  UndoSpreadResult,
} from '../../src/contract/forecast';
import {
  FORECAST_DAYS,
  SPREAD_HORIZON_DAYS,
  overflowOf,
  pausePointOf,
  planSpread,
  summarizeMoves,
  type SpreadPlan,
} from '../../src/domain/send-forecast';
import { canonical, inSnapshot, withIdempotencyKey } from '../enrollments/bulk-service';
import type { Session } from '../http/context';
import { conflict, forbidden, notFound } from '../http/errors';
import { audit } from '../store/audit';
import type { Db, Queryable } from '../store/db';
import { sha256Hex } from '../sessions/tokens';
import {
  accountTimeZone,
  findInboxes,
  insertSpread,
  lockSpread,
  markSpreadUndone,
  moveSends,
  overflowSends,
  restoreSpread,
  saveSpreadResult,
  scheduledPerDay,
  type InboxRow,
  type OverflowRow,
} from './store';

const SPREAD = 'spread-sends';
const DAY_MS = 86_400_000;

/** Today's date in `timeZone`, YYYY-MM-DD. */
export function localDate(now: Date, timeZone: string): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The `n` calendar days from `first` (YYYY-MM-DD). */
export function dayList(first: string, n: number): string[] {
  const start = Date.parse(`${first}T00:00:00Z`);
  return Array.from({ length: n }, (_, i) => new Date(start + i * DAY_MS).toISOString().slice(0, 10));
}

const isRep = (s: Session) => s.user.role === 'rep';

/** The inboxes the caller may see: reps their own; 403 for someone else's, 404 for none. */
async function visibleInboxes(db: Queryable, session: Session, query: { inboxId?: number; onlyMine?: boolean }): Promise<InboxRow[]> {
  if (query.inboxId !== undefined) {
    const [inbox] = await findInboxes(db, { inboxId: query.inboxId });
    if (!inbox) throw notFound('The inbox');
    if (isRep(session) && inbox.userId !== session.userId) throw forbidden("You can only see and spread your own inboxes' sends.");
    return query.onlyMine && inbox.userId !== session.userId ? [] : [inbox];
  }
  return findInboxes(db, isRep(session) || query.onlyMine ? { userId: session.userId } : {});
}

/**
 * Per inbox the caller may see, the next FORECAST_DAYS days (the account's time zone) of
 * scheduled sequence emails against the pause point, with the steps that would fail.
 */
export async function sendForecast(db: Db, session: Session, query: SendForecastQuery, now: Date): Promise<SendForecast> {
  const inboxes = await visibleInboxes(db, session, {
    inboxId: query.inboxId === undefined ? undefined : Number(query.inboxId),
    onlyMine: query.owner === 'me',
  });
  const tz = await accountTimeZone(db);
  const days = dayList(localDate(now, tz), FORECAST_DAYS);
  const counts = await scheduledPerDay(db, inboxes.map((i) => i.id), tz, days[0] as string, FORECAST_DAYS);
  const countOf = new Map(counts.map((c) => [`${c.inboxId}:${c.day}`, c.count]));
  const over = inboxes.flatMap((inbox) => {
    const pauseAt = pausePointOf(inbox.dailyLimit);
    return days.filter((day) => overflowOf(countOf.get(`${inbox.id}:${day}`) ?? 0, pauseAt) > 0).map((day) => ({ inboxId: inbox.id, day, pauseAt }));
  });
  const failing = groupFailing(await overflowSends(db, tz, over));

  return {
    asOf: now.toISOString(),
    timeZone: tz,
    days,
    inboxes: inboxes.map((inbox) => {
      const pauseAt = pausePointOf(inbox.dailyLimit);
      const forecastDays: ForecastDay[] = days.map((date) => {
        const scheduled = countOf.get(`${inbox.id}:${date}`) ?? 0;
        return { date, scheduled, overflow: overflowOf(scheduled, pauseAt), failingSteps: failing.get(`${inbox.id}:${date}`) ?? [] };
      });
      return {
        inbox: { id: String(inbox.id), address: inbox.address, provider: inbox.provider, connected: inbox.connected },
        owner: { id: String(inbox.userId), name: inbox.ownerName },
        dailyLimit: inbox.dailyLimit,
        pauseAt,
        overflow: forecastDays.reduce((sum, d) => sum + d.overflow, 0),
        days: forecastDays,
      };
    }),
  };
}

/** The overflow per inbox and day, by sequence and step, largest first. */
function groupFailing(rows: readonly OverflowRow[]): Map<string, FailingStep[]> {
  const out = new Map<string, Map<string, FailingStep>>();
  for (const r of rows) {
    const key = `${r.inboxId}:${r.day}`;
    const steps = out.get(key) ?? new Map<string, FailingStep>();
    const stepKey = `${r.sequenceId}:${r.step}`;
    const entry = steps.get(stepKey) ?? { sequence: { id: String(r.sequenceId), name: r.sequenceName }, step: r.step, count: 0 };
    entry.count++;
    steps.set(stepKey, entry);
    out.set(key, steps);
  }
  return new Map(
    [...out].map(([key, steps]) => [
      key,
      [...steps.values()].sort((a, b) => b.count - a.count || a.sequence.name.localeCompare(b.sequence.name) || a.step - b.step),
    ]),
  );
}

interface Plan {
  inbox: InboxRow;
  tz: string;
  days: string[];
  overflow: OverflowRow[];
  plan: SpreadPlan;
  token: string;
}

/** What Spread would do to an inbox's schedule now, read in `db` (a transaction when applying). */
async function planFor(db: Queryable, session: Session, inboxId: number, now: Date, lock = false): Promise<Plan> {
  const [inbox] = await visibleInboxes(db, session, { inboxId });
  if (!inbox) throw notFound('The inbox');
  const tz = await accountTimeZone(db);
  const days = dayList(localDate(now, tz), SPREAD_HORIZON_DAYS);
  const pauseAt = pausePointOf(inbox.dailyLimit);
  const counts = await scheduledPerDay(db, [inbox.id], tz, days[0] as string, SPREAD_HORIZON_DAYS);
  const loads = days.map((day) => counts.find((c) => c.day === day)?.count ?? 0);
  // Only overflow inside the forecast's week is spread; the second week only takes sends.
  const over = days
    .slice(0, FORECAST_DAYS)
    .filter((_, i) => overflowOf(loads[i] ?? 0, pauseAt) > 0)
    .map((day) => ({ inboxId: inbox.id, day, pauseAt }));
  const overflow = await overflowSends(db, tz, over, { forUpdate: lock });
  const dayIndex = new Map(days.map((d, i) => [d, i]));
  const plan = planSpread(loads, pauseAt, overflow.map((o) => ({ id: o.id, day: dayIndex.get(o.day) ?? 0 })));
  // The token binds the confirmation to exactly these sends, at these times and versions, going
  // to these days: if anything of it changed, the preview the user saw is stale.
  const byId = new Map(overflow.map((o) => [o.id, o]));
  const token = await sha256Hex(
    canonical({
      inbox: inbox.id,
      moves: plan.moves.map((m) => {
        const o = byId.get(m.id) as OverflowRow;
        return [m.id, o.at.toISOString(), o.version, days[m.to]];
      }),
      unplaced: plan.unplaced,
    }),
  );
  return { inbox, tz, days, overflow, plan, token };
}

const movesOut = (p: Plan) =>
  summarizeMoves(p.plan.moves).map((m) => ({ from: p.days[m.from] as string, to: p.days[m.to] as string, count: m.count }));

function assertMaySpread(session: Session, inbox: InboxRow) {
  if (isRep(session) && inbox.userId !== session.userId) throw forbidden("You can only see and spread your own inboxes' sends.");
}

/** What Spread would move, with the token that confirms exactly that. */
export async function previewSpread(db: Db, session: Session, inboxId: number, now: Date): Promise<SpreadPreview> {
  const p = await planFor(db, session, inboxId, now);
  assertMaySpread(session, p.inbox);
  return { inboxId: String(p.inbox.id), moves: movesOut(p), moved: p.plan.moves.length, unplaced: p.plan.unplaced.length, planToken: p.token };
}

/**
 * Applies the previewed Spread in one transaction, as a record that Undo reverses; 409 when the
 * schedule changed since the preview. A replay of the Idempotency-Key returns the first answer.
 */
export async function spreadSends(
  db: Db,
  session: Session,
  inboxId: number,
  planToken: string,
  idempotencyKey: string,
  now: Date,
): Promise<{ result: SpreadResult; replayed: boolean }> {
  return withIdempotencyKey<SpreadResult>(
    db,
    { userId: session.userId, operation: SPREAD, input: { inboxId, planToken }, key: idempotencyKey, now },
    (remember) =>
      inSnapshot(db, async (tx) => {
        const p = await planFor(tx, session, inboxId, now, true);
        assertMaySpread(session, p.inbox);
        if (p.token !== planToken) throw conflict('The schedule changed since the preview. Look at the new forecast and spread again.');
        const byId = new Map(p.overflow.map((o) => [o.id, o]));
        const moved = await moveSends(
          tx,
          p.tz,
          p.plan.moves.map((m) => ({ id: m.id, days: m.to - m.from, version: (byId.get(m.id) as OverflowRow).version })),
        );
        if (moved.length !== p.plan.moves.length) throw conflict('The schedule changed while spreading. Look at the new forecast and spread again.');
        const spreadId = await insertSpread(tx, {
          inboxId: p.inbox.id,
          actorId: session.userId,
          now,
          moved: moved.length,
          items: moved.map((m) => ({ id: m.id, prevAt: (byId.get(m.id) as OverflowRow).at, newAt: m.at, version: m.version })),
        });
        const result: SpreadResult = {
          spreadId: String(spreadId),
          inboxId: String(p.inbox.id),
          moves: movesOut(p),
          moved: moved.length,
          unplaced: p.plan.unplaced.length,
        };
        await saveSpreadResult(tx, spreadId, result);
        await audit(tx, { at: now, actorId: session.userId, action: SPREAD, subject: `inbox:${p.inbox.id}`, details: { spreadId: String(spreadId), moved: moved.length, moves: result.moves } });
        await remember(tx, result);
        return result;
      }),
  );
}

/**
 * Undoes a Spread: every moved send that nothing changed since goes back to its previous time;
 * the others are counted. Idempotent: a second Undo returns the first answer. Reps undo only
 * Spreads of their own inboxes.
 */
export async function undoSpread(db: Db, session: Session, spreadId: number, now: Date): Promise<UndoSpreadResult> {
  return inSnapshot(db, async (tx) => {
    const spread = await lockSpread(tx, spreadId);
    if (!spread) throw notFound('The spread');
    const [inbox] = await findInboxes(tx, { inboxId: spread.inboxId });
    if (isRep(session) && inbox?.userId !== session.userId) throw forbidden("You can only see and spread your own inboxes' sends.");
    if (spread.undoResult) return spread.undoResult as UndoSpreadResult;
    const restored = await restoreSpread(tx, spread.id);
    const result: UndoSpreadResult = { spreadId: String(spread.id), undoneAt: now.toISOString(), restored, notRestored: spread.moved - restored };
    await markSpreadUndone(tx, spread.id, session.userId, now, result);
    await audit(tx, { at: now, actorId: session.userId, action: 'undo-spread-sends', subject: `inbox:${spread.inboxId}`, details: { ...result } });
    return result;
  });
}
