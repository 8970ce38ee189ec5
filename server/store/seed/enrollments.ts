// Phase 5: enrollments, with their errors, send problems and unenrollments, and the sales email
// they sent. First who is in a sequence right now, then the history of every sequence.

import type { UnenrollReason } from '../../../src/contract/codes';
import type { Contacts, People, SeedContext, SequenceInfo, StepInfo } from './context';
import { CONFIGS, DAY, HOUR } from './datasets';
import { makeActive, makeFailed, makeFinished, makePaused, makeUnenrolled } from './enrollment-outcomes';
import type { Random } from './random';
import { ENROLL_ERROR_WEIGHTS, isEmail } from './rules';
import { emitEnrollment } from './sales-email';
import { createSalesState, drawContact } from './sales-state';

export interface SalesHistory {
  /** The sequence a contact is currently active (or paused) in, 0 when none. */
  currentSequence: Int32Array;
  /** Sales email events written: marketing email fills the rest of the events. */
  salesEvents: number;
}

export async function genEnrollments(ctx: SeedContext, people: People, contacts: Contacts, sequences: SequenceInfo[]): Promise<SalesHistory> {
  const s = createSalesState(ctx, people, contacts);
  const rng = ctx.rng.fork('enrollments');
  // Phase A: who is in a sequence right now. Done for all sequences first, so that an
  // ALREADY_ENROLLED failure anywhere can point at the sequence the contact is active in.
  const order = rng.shuffle(Array.from(contacts.salesPool));
  let cursor = 0;
  const burst = heavyDay(ctx, people);
  for (const seq of sequences) {
    if (seq.special) continue;
    const pickers = enrolledByPickers(people, seq, rng);
    for (const status of ['active', 'paused'] as const) {
      for (let i = 0; i < seq.counts[status]; i++) {
        const contact = order[cursor++] as number;
        const enr = status === 'active' ? makeActive(s, rng, seq, contact, pickers.current()) : makePaused(s, rng, seq, contact, pickers.current());
        if (status === 'active') burst(enr);
        s.currentSequence[contact] = seq.id;
        s.currentSince[contact] = enr.enrolledAt;
        if (status === 'active') s.activeContacts.push(contact);
        seq.current.push(contact);
        await emitEnrollment(s, rng, enr);
      }
    }
  }
  ctx.progress(`enrollments: ${cursor.toLocaleString('en')} active or paused`);

  // Phase B: the history of every sequence.
  const failedCode = rng.weightedPicker(ENROLL_ERROR_WEIGHTS);
  let reported = 0;
  for (const seq of sequences) {
    const pickers = enrolledByPickers(people, seq, rng);
    for (const c of seq.current) s.drawnFor[c] = seq.id;
    const reasonPick = rng.weightedPicker(unenrollWeights(seq));
    if (seq.special) {
      // What would be in progress at the deletion / removal was unenrolled then.
      const reason: UnenrollReason = seq.special === 'deleted' ? 'SEQUENCE_DELETED' : 'CREATOR_REMOVED';
      for (let i = 0; i < seq.counts.active + seq.counts.paused; i++) {
        const by = seq.special === 'creator-removed' && rng.chance(0.7) ? seq.ownerId : pickers.current();
        const enr = makeActive(s, rng, seq, drawContact(s, rng, seq, null), by, seq.horizon);
        enr.status = 'unenrolled';
        enr.unenrollReason = reason;
        enr.unenrolledAt = seq.horizon;
        const next = seq.steps[enr.step - 1] as StepInfo;
        if (reason === 'CREATOR_REMOVED' && by === seq.ownerId && isEmail(next.type)) {
          enr.notSent = { at: seq.horizon, reason: 'SCHEDULER_REMOVED' };
        }
        enr.nextStepAt = null;
        await emitEnrollment(s, rng, enr);
      }
    }
    // Interleaved, so that ids do not group by status.
    const kinds = new Uint8Array(seq.counts.finished + seq.counts.unenrolled + seq.counts.failed);
    kinds.fill(1, seq.counts.finished).fill(2, seq.counts.finished + seq.counts.unenrolled);
    rng.shuffle(kinds);
    for (const kind of kinds) {
      const by = pickers.historic();
      const enr =
        kind === 0
          ? makeFinished(s, rng, seq, by)
          : kind === 1
            ? makeUnenrolled(s, rng, seq, by, reasonPick())
            : makeFailed(s, rng, seq, by, failedCode());
      await emitEnrollment(s, rng, enr);
    }
    if (s.nextEnrollmentId - reported > 100_000) {
      reported = s.nextEnrollmentId - 1;
      ctx.progress(`enrollments: ${reported.toLocaleString('en')}`);
    }
  }
  return { currentSequence: s.currentSequence, salesEvents: s.salesEvents };
}

/**
 * The send forecast's story (docs/domain.md §8): the demo rep enrolled a batch of contacts
 * together, so the email steps of the coming days on their Gmail inbox (350 a day, pausing at
 * 315) all come due tomorrow, between 08:00 and 16:00 in the account's zone, which puts that day
 * over the limit. Demo dataset only; relative to the seed's clock.
 */
function heavyDay(ctx: SeedContext, people: People): (e: ReturnType<typeof makeActive>) => void {
  const rep = people.byId.get(people.demo.rep);
  const inbox = rep?.inboxes.find((i) => i.provider === 'gmail' && i.connected);
  if (ctx.cfg !== CONFIGS.demo || !inbox) return () => undefined;
  // Its own stream, so that the rest of the data draws as before.
  const rng = ctx.rng.fork('heavy-day');
  const from = Math.floor((ctx.now + DAY) / DAY) * DAY + 7 * HOUR;
  return (e) => {
    const step = e.seq.steps[e.step - 1];
    if (e.by !== people.demo.rep || e.inbox?.id !== inbox.id || !step || !isEmail(step.type)) return;
    if (e.nextStepAt === null || e.nextStepAt >= ctx.now + 4 * DAY) return;
    e.nextStepAt = Math.round(from + rng.next() * 8 * HOUR);
  };
}

/** Who enrolls into a sequence: mostly its owner, the demo rep often (also into sequences
 * of others), the manager sometimes, everyone else a little; in a territory sequence only
 * the owner and the manager. */
function enrolledByPickers(people: People, seq: SequenceInfo, rng: Random): { current: () => number; historic: () => number } {
  const rep = people.demo.rep;
  const weights = (includeRemoved: boolean) =>
    people.salesUsers
      .filter((u) => u.active || includeRemoved)
      .filter((u) => !seq.territory || u.id === seq.ownerId || u.role === 'manager')
      .map((u) => {
        let w = 1;
        if (u.id === rep) w = seq.ownerId === rep ? 6 : 3.5;
        else if (u.id === seq.ownerId) w = 5;
        else if (u.role === 'manager') w = 1.2;
        else if (!u.active) w = 0.5;
        return [u.id, w] as const;
      });
  return { current: rng.weightedPicker(weights(false)), historic: rng.weightedPicker(weights(true)) };
}

function unenrollWeights(seq: SequenceInfo): Array<readonly [UnenrollReason, number]> {
  const q = seq.quality;
  const list: Array<readonly [UnenrollReason, number]> = [
    ['REPLIED', 19 * q],
    ['EMAILED_OUTSIDE_SEQUENCE', 4 * q],
    ['REPLIED_FROM_OTHER_ADDRESS', 2.5 * q],
    ['EMAILED_FROM_ALIAS', 1.5 * q],
    ['MEETING_BOOKED', 9 * q],
    ['UNSUBSCRIBED', 6],
    ['BOUNCED', 6],
    ['WORKFLOW', 1.5],
    ['MANUAL', 14],
  ];
  if (seq.sameCompany) list.push(['COMPANY_MEMBER_REPLIED', 7]);
  if (seq.bulkBatches.length) list.push(['BULK', 12]);
  return list;
}
