import {
  MAX_GROUP_SEQUENCES,
  type AttentionFilter,
  type AttentionFixResult,
  type AttentionGroup,
  type AttentionGroupKey,
  type AttentionOverview,
} from '../../src/contract/attention';
import { MAX_LISTED_ITEMS } from '../../src/contract/enrollments';
import {
  DAY_MS,
  attentionReenroll,
  attentionRemedy,
  groupsByInbox,
  isSendProblem,
  scheduleWithinLimits,
  type InboxCapacity,
} from '../../src/domain/attention';
import { sendLimitOf } from '../../src/domain/send-limits';
import { inSnapshot, withIdempotencyKey } from '../enrollments/bulk-service';
import { viewerOf, type Session, type Viewer } from '../http/context';
import { badRequest, conflict, forbidden } from '../http/errors';
import { requireSequence } from '../sequences/service';
import { audit } from '../store/audit';
import type { Db, Queryable } from '../store/db';
import {
  attentionTallies,
  countGroup,
  createBatch,
  inboxesById,
  inboxLoad,
  pausedRowsOf,
  reenrollRows,
  relatedSequences,
  sequenceNames,
  unenrollGroup,
  userNames,
  type AttentionCell,
} from './store';

/** Checks what the role alone cannot: a rep looks only at their own enrollments (403 for
 * another enroller), and a sequence must be one the caller may see (404). */
async function checkFilter(db: Queryable, filter: AttentionFilter, viewer: Viewer): Promise<void> {
  if (viewer.onlyOwn && filter.enrolledBy && Number(filter.enrolledBy) !== viewer.userId) {
    throw forbidden('Reps see and fix only the enrollments they made.');
  }
  if (filter.sequenceId) await requireSequence(db, Number(filter.sequenceId), viewer);
}

const keyOf = (cell: Pick<AttentionCell, 'code' | 'inboxId'>) => `${cell.code}:${cell.inboxId ?? ''}`;

/** Biggest first (then by id, so the order is stable). */
const biggestFirst = (list: Array<[number, number]>) => [...list].sort((a, b) => b[1] - a[1] || a[0] - b[0]);

/** Sums counts by id, biggest first. */
function tally(entries: Iterable<[number, number]>): Array<[number, number]> {
  const sums = new Map<number, number>();
  for (const [id, n] of entries) sums.set(id, (sums.get(id) ?? 0) + n);
  return biggestFirst([...sums]);
}

/**
 * The Needs attention page: the groups under the filter, biggest first, and what each filter
 * can choose from (the sequences, owners and inboxes with anything to fix, for this viewer).
 */
export async function attentionOverview(db: Db, session: Session, filter: AttentionFilter): Promise<AttentionOverview> {
  const viewer = viewerOf(session);
  await checkFilter(db, filter, viewer);
  const tallies = await attentionTallies(db, viewer, filter);

  const byGroup = new Map<string, AttentionCell[]>();
  for (const cell of tallies.cells) {
    const key = keyOf(cell);
    const list = byGroup.get(key);
    if (list) list.push(cell);
    else byGroup.set(key, [cell]);
  }

  const sequenceIds = [...new Set([...tallies.sequences.map(([id]) => id), ...tallies.cells.map((c) => c.sequenceId)])];
  const inboxIds = [...new Set([...tallies.inboxes.map(([id]) => id), ...tallies.cells.flatMap((c) => (c.inboxId === null ? [] : [c.inboxId]))])];
  const [names, owners, inboxes] = await Promise.all([
    sequenceNames(db, sequenceIds),
    userNames(db, tallies.owners.map(([id]) => id)),
    inboxesById(db, inboxIds),
  ]);
  const hasAlreadyEnrolled = tallies.cells.some((c) => c.code === 'ALREADY_ENROLLED');
  const related = hasAlreadyEnrolled ? await relatedSequences(db, filter, viewer, MAX_GROUP_SEQUENCES) : [];
  const inboxOf = (id: number) => {
    const i = inboxes.get(id);
    return i ? { id: String(i.id), address: i.address, provider: i.provider, connected: i.connected } : null;
  };

  const groups: AttentionGroup[] = [...byGroup.values()].map((list) => {
    const first = list[0]!;
    const code = first.code;
    const inboxId = groupsByInbox(code) ? first.inboxId : null;
    return {
      key: inboxId === null ? { code } : { code, inboxId: String(inboxId) },
      kind: first.kind,
      remedy: attentionRemedy(code),
      count: list.reduce((n, c) => n + c.count, 0),
      fixable: list.reduce((n, c) => n + c.fixable, 0),
      inbox: inboxId === null ? null : inboxOf(inboxId),
      sequences: tally(list.map((c) => [c.sequenceId, c.count]))
        .slice(0, MAX_GROUP_SEQUENCES)
        .map(([id, count]) => ({ id: String(id), name: names.get(id) ?? '', count })),
      relatedSequences:
        code === 'ALREADY_ENROLLED' ? related.map((r) => ({ id: String(r.id), name: r.name, count: r.count })) : [],
    };
  });
  groups.sort((a, b) => b.count - a.count || a.key.code.localeCompare(b.key.code) || Number(a.key.inboxId ?? 0) - Number(b.key.inboxId ?? 0));

  return {
    total: groups.reduce((n, g) => n + g.count, 0),
    groups,
    filters: {
      sequences: biggestFirst(tallies.sequences).map(([id, count]) => ({ id: String(id), name: names.get(id) ?? '', count })),
      owners: biggestFirst(tallies.owners).map(([id, count]) => ({ id: String(id), name: owners.get(id) ?? '', count })),
      inboxes: biggestFirst(tallies.inboxes).flatMap(([id, count]) => {
        const inbox = inboxOf(id);
        return inbox ? [{ ...inbox, count }] : [];
      }),
    },
  };
}

const REENROLL = 'attention-reenroll';
const UNENROLL = 'attention-unenroll';

const changedGroup = (now: number, expected: number) =>
  conflict(`The group now holds ${now} enrollments, not ${expected}. Check it and confirm again.`);

interface FixInput {
  group: AttentionGroupKey;
  filter: AttentionFilter;
  expectedTotal: number;
}

/** What a group fix is and which codes it applies to (a 400 names the other fix). */
interface GroupFix {
  operation: string;
  appliesTo: (code: AttentionGroupKey['code']) => boolean;
  refusal: string;
}

const REENROLL_FIX: GroupFix = {
  operation: REENROLL,
  appliesTo: isSendProblem,
  refusal: 'Re-enrolling cannot fix an enrollment error; unenroll the group instead.',
};
const UNENROLL_FIX: GroupFix = {
  operation: UNENROLL,
  appliesTo: (code) => !isSendProblem(code),
  refusal: 'A send problem is fixed by re-enrolling the group, not by unenrolling it.',
};

/** A request to fix a group, as both fixes take it: who asks for what, under which Idempotency-Key, and when. */
export interface FixRequest {
  db: Db;
  session: Session;
  input: FixInput;
  idempotencyKey: string;
  now: Date;
}

/** A fix's answer, and whether it is the one kept for an earlier request with the same key. */
interface FixOutcome {
  result: AttentionFixResult;
  replayed: boolean;
}

/**
 * What both group fixes share: the code must be one the fix applies to, the filter one the
 * caller may use, and the fix runs once per Idempotency-Key in one snapshot, its answer kept
 * with the change.
 */
async function fixGroupOnce(
  { db, session, input, idempotencyKey, now }: FixRequest,
  fix: GroupFix,
  run: (tx: Queryable, viewer: Viewer) => Promise<AttentionFixResult>,
): Promise<FixOutcome> {
  if (!fix.appliesTo(input.group.code)) {
    throw badRequest('Invalid body: body.group.code.', [{ path: 'body.group.code', message: fix.refusal }]);
  }
  const viewer = viewerOf(session);
  await checkFilter(db, input.filter, viewer);
  return withIdempotencyKey<AttentionFixResult>(
    db,
    { userId: session.userId, operation: fix.operation, input, key: idempotencyKey, now },
    (remember) =>
      inSnapshot(db, async (tx) => {
        const result = await run(tx, viewer);
        await remember(tx, result);
        return result;
      }),
  );
}

/**
 * Re-enrolls a send-problem group, all or nothing, as one batch that Undo reverses
 * (docs/domain.md §10): each contact at the step its problem allows, skipping (and saying why)
 * those it does not allow yet, and due at times that keep every inbox under its daily limit.
 */
export async function reenrollGroup(request: FixRequest): Promise<FixOutcome> {
  const { session, input, now } = request;
  const { group, filter } = input;
  return fixGroupOnce(request, REENROLL_FIX, async (tx, viewer) => {
    const rows = await pausedRowsOf(tx, group, filter, viewer);
    if (rows.length !== input.expectedTotal) throw changedGroup(rows.length, input.expectedTotal);

    const fix: Array<{ id: number; inboxId: number; step: number; sequenceId: number }> = [];
    const skippedItems: AttentionFixResult['skippedItems'] = [];
    const skipped = { inboxDisconnected: 0, noFollowingStep: 0 };
    for (const r of rows) {
      const d = attentionReenroll(r.problem, r.currentStep, r.totalSteps, r.inboxId !== null && r.inboxConnected);
      if (d.ok) {
        fix.push({ id: r.id, inboxId: r.inboxId as number, step: d.step, sequenceId: r.sequenceId });
        continue;
      }
      if (d.reason === 'inbox-disconnected') skipped.inboxDisconnected += 1;
      else skipped.noFollowingStep += 1;
      if (skippedItems.length < MAX_LISTED_ITEMS) skippedItems.push({ enrollmentId: String(r.id), reason: d.reason });
    }

    // Due times that keep every inbox under its pause point, counting what it already has due.
    const providers = new Map(rows.flatMap((r) => (r.inboxId !== null && r.provider ? [[r.inboxId, r.provider] as const] : [])));
    const load = await inboxLoad(tx, [...new Set(fix.map((f) => f.inboxId))], now);
    const capacity = new Map<number, InboxCapacity>(
      [...providers].map(([id, provider]) => [id, { pauseAt: sendLimitOf(provider).sequencesPauseAt, load: load.get(id) ?? [] }]),
    );
    const dueAt = scheduleWithinLimits(fix, capacity, now);
    const times = fix.map((f) => dueAt.get(f.id)!);

    const step = attentionRemedy(group.code) === 'reenroll-next-step' ? 'next' : 'this';
    const batchId = await createBatch(tx, {
      action: 'reenroll',
      actorId: session.userId,
      now,
      selection: { group, filter, step },
      matched: rows.length,
      changed: fix.length,
    });
    const changed = fix.length
      ? await reenrollRows(tx, batchId, { ids: fix.map((f) => f.id), steps: fix.map((f) => f.step), dueAt: times }, now)
      : 0;
    if (changed !== fix.length) throw new Error(`attention re-enroll: planned ${fix.length}, changed ${changed}`);

    const perSequence = tally(fix.map((f) => [f.sequenceId, 1]));
    for (const [sequenceId, count] of perSequence.sort((a, b) => a[0] - b[0])) {
      await audit(tx, {
        at: now,
        actorId: session.userId,
        action: 'reenroll',
        subject: `sequence:${sequenceId}`,
        details: { batchId: String(batchId), count, step, filter: { error: group.code } },
      });
    }
    const sorted = [...times].sort((a, b) => a.getTime() - b.getTime());
    const result: AttentionFixResult = {
      batchId: String(batchId),
      action: 'reenroll',
      code: group.code,
      matched: rows.length,
      changed,
      step,
      skipped,
      skippedItems,
      schedule: sorted.length
        ? {
            first: sorted[0]!.toISOString(),
            last: sorted[sorted.length - 1]!.toISOString(),
            days: Math.floor((sorted[sorted.length - 1]!.getTime() - now.getTime()) / DAY_MS) + 1,
          }
        : null,
    };
    return result;
  });
}

/**
 * Unenrolls a contact-error group (enrollments refused with an error code, which re-enrolling
 * cannot fix), all or nothing, as one batch that Undo reverses: they leave Needs attention and
 * the sequences' open errors, and keep their code and figures (docs/domain.md §10).
 */
export async function unenrollAttentionGroup(request: FixRequest): Promise<FixOutcome> {
  const { session, input, now } = request;
  const { group, filter } = input;
  return fixGroupOnce(request, UNENROLL_FIX, async (tx, viewer) => {
    const matched = await countGroup(tx, group, filter, viewer);
    if (matched !== input.expectedTotal) throw changedGroup(matched, input.expectedTotal);
    const batchId = await createBatch(tx, {
      action: 'unenroll',
      actorId: session.userId,
      now,
      selection: { group, filter },
      matched,
      changed: matched,
    });
    const bySequence = await unenrollGroup(tx, { batchId, group, filter, viewer, actorId: session.userId, now });
    const changed = [...bySequence.values()].reduce((a, b) => a + b, 0);
    if (changed !== matched) throw new Error(`attention unenroll: counted ${matched}, changed ${changed}`);
    for (const [sequenceId, count] of bySequence) {
      await audit(tx, {
        at: now,
        actorId: session.userId,
        action: 'bulk-unenroll',
        subject: `sequence:${sequenceId}`,
        details: { batchId: String(batchId), count, matched: count, filter: { error: group.code } },
      });
    }
    const result: AttentionFixResult = {
      batchId: String(batchId),
      action: 'unenroll',
      code: group.code,
      matched,
      changed,
      step: null,
      skipped: { inboxDisconnected: 0, noFollowingStep: 0 },
      skippedItems: [],
      schedule: null,
    };
    return result;
  });
}
