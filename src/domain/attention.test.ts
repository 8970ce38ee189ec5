import { describe, expect, it } from 'vitest';
import { EmailProblem, EnrollErrorCode } from '../contract/codes';
import { DAY_MS, attentionReenroll, attentionRemedy, groupsByInbox, scheduleWithinLimits } from './attention';

describe('which remedy fixes a group', () => {
  it.each([
    ['SEND_LIMIT_REACHED', 'reenroll-next-step'],
    ['SEND_FAILURE', 'reenroll-this-step'],
    ['INBOX_DISCONNECTED', 'reenroll-this-step'],
    ['GMAIL_SEND_ERROR', 'reenroll-this-step'],
  ] as const)('%s: %s', (code, remedy) => {
    expect(attentionRemedy(code)).toBe(remedy);
  });

  it('every enrollment error is cleaned up by unenrolling, since re-enrolling cannot fix it', () => {
    for (const code of EnrollErrorCode.options) expect(attentionRemedy(code)).toBe('unenroll');
  });

  it('only INBOX_DISCONNECTED is one group per inbox', () => {
    const perInbox = [...EnrollErrorCode.options, ...EmailProblem.options].filter(groupsByInbox);
    expect(perInbox).toEqual(['INBOX_DISCONNECTED']);
  });
});

describe('re-enrolling one enrollment of a group', () => {
  it.each([
    ['SEND_LIMIT_REACHED', 2, 5, false, { ok: true, step: 3 }],
    ['SEND_LIMIT_REACHED', 5, 5, true, { ok: false, reason: 'no-following-step' }],
    ['SEND_FAILURE', 2, 5, true, { ok: true, step: 2 }],
    ['SEND_FAILURE', 2, 5, false, { ok: false, reason: 'inbox-disconnected' }],
    ['INBOX_DISCONNECTED', 3, 5, true, { ok: true, step: 3 }],
    ['INBOX_DISCONNECTED', 3, 5, false, { ok: false, reason: 'inbox-disconnected' }],
    ['GMAIL_SEND_ERROR', 1, 4, true, { ok: true, step: 1 }],
    ['GMAIL_SEND_ERROR', 1, 4, false, { ok: false, reason: 'inbox-disconnected' }],
  ] as const)('%s at step %i of %i, inbox connected %s', (problem, step, total, connected, expected) => {
    expect(attentionReenroll(problem, step, total, connected)).toEqual(expected);
  });
});

describe('next steps spread under the daily limit', () => {
  const now = new Date('2026-11-22T10:00:00.000Z');
  const items = (n: number, inboxId: number, from = 1) => Array.from({ length: n }, (_, i) => ({ id: from + i, inboxId }));
  const perWindow = (at: Map<number, Date>, ids: number[]) => {
    const counts: number[] = [];
    for (const id of ids) {
      const day = Math.floor((at.get(id)!.getTime() - now.getTime()) / DAY_MS);
      counts[day] = (counts[day] ?? 0) + 1;
    }
    return Array.from(counts, (c) => c ?? 0);
  };

  it('fills what each window has left after the steps already due, then moves on', () => {
    const at = scheduleWithinLimits(items(25, 1), new Map([[1, { pauseAt: 10, load: [7, 10, 4] }]]), now);
    expect(perWindow(at, [...at.keys()])).toEqual([3, 0, 6, 10, 6]);
  });

  it('never goes over the pause point in a window, counting what is already due', () => {
    const load = [300, 315, 0, 200];
    const at = scheduleWithinLimits(items(1000, 2), new Map([[2, { pauseAt: 315, load }]]), now);
    const added = perWindow(at, [...at.keys()]);
    added.forEach((n, day) => expect(n + (load[day] ?? 0)).toBeLessThanOrEqual(315));
    expect(added.reduce((a, b) => a + b, 0)).toBe(1000);
  });

  it('keeps each inbox to its own limit', () => {
    const list = [...items(5, 1, 1), ...items(5, 2, 100)];
    const at = scheduleWithinLimits(list, new Map([[1, { pauseAt: 2, load: [] }], [2, { pauseAt: 900, load: [] }]]), now);
    expect(perWindow(at, [1, 2, 3, 4, 5])).toEqual([2, 2, 1]);
    expect(perWindow(at, [100, 101, 102, 103, 104])).toEqual([5]);
  });

  it('spreads a window\'s steps evenly over its 24 hours, oldest first, after the ones already due', () => {
    const at = scheduleWithinLimits(items(2, 1), new Map([[1, { pauseAt: 4, load: [2] }]]), now);
    expect(at.get(1)!.toISOString()).toBe('2026-11-22T22:00:00.000Z');
    expect(at.get(2)!.toISOString()).toBe('2026-11-23T04:00:00.000Z');
  });

  it('refuses an inbox without a limit rather than guessing one', () => {
    expect(() => scheduleWithinLimits(items(1, 9), new Map(), now)).toThrow(/inbox 9/);
  });
});
