// Phase 4: sequences and their steps. Also plans each sequence's history: how many enrollments
// it has in each status, and when bulk unenrollments happened in it.

import type { Contacts, People, SeedContext, SequenceInfo, StepInfo, UserInfo } from './context';
import { DAY, HOUR, MINUTE } from './datasets';
import { demoUser } from './demo-users';
import { apportion, atHour } from './helpers';
import type { Random } from './random';
import { STATUS_MIX, isEmail, type StepType } from './rules';
import { CURATED_SEQUENCES, type CuratedSequence } from './story';
import { BREAKUP_SUBJECTS, SEQUENCE_SEGMENTS, SEQUENCE_THEMES, SUBJECTS } from './vocabulary';

export async function planSequences(ctx: SeedContext, people: People, contacts: Contacts): Promise<SequenceInfo[]> {
  const { cfg, now, out } = ctx;
  const rng = ctx.rng.fork('sequences');
  const nowDate = new Date(now);
  const userByName = new Map(people.users.map((u) => [u.name, u]));
  const owners = people.salesUsers.filter((u) => u.active);
  const demoRep = demoUser('rep').name;

  const specs: CuratedSequence[] = CURATED_SEQUENCES.map((s) => ({ ...s, createdDaysAgo: s.createdDaysAgo * cfg.ageScale }));
  const usedNames = new Set(specs.map((s) => s.name(nowDate)));
  for (let i = 0; i < cfg.extraSequences; i++) {
    let name = '';
    do name = `${rng.pick(SEQUENCE_THEMES)} — ${rng.pick(SEQUENCE_SEGMENTS)}`;
    while (usedNames.has(name));
    usedNames.add(name);
    const owner = rng.chance(0.12) ? demoRep : rng.pick(owners).name;
    const fixed = name;
    specs.push({
      name: () => fixed,
      owner,
      createdDaysAgo: rng.int(40, cfg.historyDays - 10),
      weight: 0.3 + Math.pow(rng.next(), 2) * 2.5,
      sameCompany: rng.chance(0.25),
      territory: owner !== demoRep && rng.chance(0.3),
    });
  }

  // Sizes: fixed ones first, the rest by weight, so the totals are exact.
  const fixedTotal = [...cfg.fixedSizes.values()].reduce((a, b) => a + b, 0);
  const freeIdx = specs.map((_, i) => i).filter((i) => !cfg.fixedSizes.has(i));
  const cap = Math.max(...cfg.fixedSizes.values(), 0) || Infinity;
  const freeSizes = apportion(
    cfg.enrollments - fixedTotal,
    freeIdx.map((i) => (specs[i] as CuratedSequence).weight * rng.float(0.85, 1.15)),
    freeIdx.map(() => (cap === Infinity ? Infinity : Math.floor(cap * 0.75))),
  );
  const sizes = specs.map((_, i) => cfg.fixedSizes.get(i) ?? 0);
  freeIdx.forEach((i, k) => (sizes[i] = freeSizes[k] as number));

  const sequences: SequenceInfo[] = [];
  const managers = people.users.filter((u) => u.role === 'manager' || u.role === 'admin');
  for (const [index, spec] of specs.entries()) {
    const id = index + 1;
    const owner = userByName.get(spec.owner) ?? (owners[0] as UserInfo);
    const createdAt = atHour(now - spec.createdDaysAgo * DAY, rng.int(8, 16)) + rng.int(0, 59) * MINUTE;
    let horizon = now;
    let deletedAt: number | null = null;
    if (spec.special === 'deleted') horizon = deletedAt = atHour(now - 40 * DAY, 11) + 23 * MINUTE;
    if (spec.special === 'creator-removed') horizon = owner.removedAt;

    const steps = makeSteps(rng);
    const offsets: number[] = [];
    const emailsBefore: number[] = [0, 0]; // no email before step 1
    let offset = 2 * MINUTE; // the first step goes out right after enrolling
    let emails = 0;
    for (const step of steps) {
      offset += step.delayDays * DAY;
      offsets.push(offset);
      if (isEmail(step.type)) emails++;
      emailsBefore.push(emails);
    }
    const seq: SequenceInfo = {
      id,
      name: spec.name(nowDate),
      ownerId: owner.id,
      createdAt,
      horizon,
      special: spec.special ?? null,
      sameCompany: !!spec.sameCompany,
      territory: !!spec.territory,
      quality: rng.float(0.7, 1.35),
      steps,
      offsets,
      emailsBefore,
      size: sizes[index] as number,
      counts: { active: 0, paused: 0, finished: 0, unenrolled: 0, failed: 0 },
      bulkBatches: [],
      current: [],
    };
    // Young sequences have relatively more contacts still in progress.
    const youth = spec.createdDaysAgo < 90 ? 2.2 : 1;
    const mix = STATUS_MIX.map(([, p], k) => p * rng.float(0.75, 1.25) * (k < 2 ? youth : 1));
    const counts = apportion(seq.size, mix);
    STATUS_MIX.forEach(([status], k) => (seq.counts[status] = counts[k] as number));
    const lower = Math.max(createdAt, ctx.windowStart);
    const batches = seq.size >= 200 ? rng.int(1, 3) : 0;
    for (let b = 0; b < batches; b++) {
      const at = atHour(rng.timeBetween(lower + 10 * DAY, horizon - HOUR), rng.int(9, 17)) + rng.int(0, 3599) * 1000;
      // Bulk unenrolling is mostly the demo manager's doing.
      if (at < horizon && at > lower + 7 * DAY) seq.bulkBatches.push({ at, by: rng.chance(0.85) ? people.demo.manager : rng.pick(managers).id });
    }
    sequences.push(seq);

    await out.add('sequences', {
      id,
      name: seq.name,
      ownerId: owner.id,
      createdBy: owner.id,
      unenrollSameCompany: seq.sameCompany,
      createdAt,
      deletedAt,
    });
    for (const step of steps) {
      await out.add('sequence_steps', { sequenceId: id, position: step.position, type: step.type, delayDays: step.delayDays, subject: step.subject });
    }
  }

  // A contact is in one sequence at a time: there must be enough clean contacts for every
  // active and paused enrollment. If not, the surplus finishes instead.
  const liveCurrent = sequences.filter((s) => !s.special).reduce((sum, s) => sum + s.counts.active + s.counts.paused, 0);
  const room = Math.floor(contacts.salesPool.length * 0.9);
  if (liveCurrent > room) {
    const ratio = room / liveCurrent;
    for (const s of sequences) {
      if (s.special) continue;
      for (const status of ['active', 'paused'] as const) {
        const keep = Math.floor(s.counts[status] * ratio);
        s.counts.finished += s.counts[status] - keep;
        s.counts[status] = keep;
      }
    }
  }
  return sequences;
}

function makeSteps(rng: Random): StepInfo[] {
  const n = rng.int(3, 7);
  const steps: StepInfo[] = [];
  const firstSubject = rng.pick(SUBJECTS);
  const typePick = rng.weightedPicker<StepType>([
    ['automated_email', 45],
    ['manual_email', 12],
    ['call', 20],
    ['task', 11],
    ['linkedin', 12],
  ]);
  for (let position = 1; position <= n; position++) {
    let type: StepType = position === 1 ? 'automated_email' : typePick();
    if (position === n && rng.chance(0.6)) type = 'automated_email';
    const delayDays = position === 1 ? 0 : isEmail(type) ? rng.int(2, 4) : rng.int(1, 3);
    let subject: string | null = null;
    if (position === 1) subject = firstSubject;
    else if (position === n && isEmail(type)) subject = rng.pick(BREAKUP_SUBJECTS);
    else if (isEmail(type)) subject = rng.chance(0.5) ? `Re: ${firstSubject}` : rng.pick(SUBJECTS);
    steps.push({ position, type, delayDays, subject });
  }
  return steps;
}
