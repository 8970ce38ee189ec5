import { describe, expect, it } from 'vitest';
import { EmailProblem, EnrollErrorCode } from '../contract/codes';
import { EMAIL_PROBLEM_REMEDY, ENROLL_ERROR_REMEDY, reenrollStep } from './enrollment-problems';

describe('remedies', () => {
  it('has one for every code and problem', () => {
    for (const code of EnrollErrorCode.options) expect(ENROLL_ERROR_REMEDY[code]).toBeTruthy();
    for (const p of EmailProblem.options) expect(EMAIL_PROBLEM_REMEDY[p]).toBeTruthy();
  });

  it('sends an already-enrolled contact to the other sequence and respects opt-outs', () => {
    expect(ENROLL_ERROR_REMEDY.ALREADY_ENROLLED).toBe('open-other-sequence');
    expect(ENROLL_ERROR_REMEDY.UNSUBSCRIBED).toBe('respect-opt-out');
    expect(ENROLL_ERROR_REMEDY.UNSUBSCRIBED_PERSONAL).toBe('respect-opt-out');
  });
});

describe('reenrollStep', () => {
  it.each([
    ['SEND_LIMIT_REACHED', 2, 5, true, undefined, { ok: true, step: 3 }],
    ['SEND_LIMIT_REACHED', 4, 5, false, undefined, { ok: true, step: 5 }],
    ['SEND_LIMIT_REACHED', 5, 5, true, undefined, { ok: false, reason: 'no-following-step' }],
    ['SEND_LIMIT_REACHED', 2, 5, true, 2, { ok: false, reason: 'wrong-step' }],
    ['SEND_FAILURE', 2, 5, true, undefined, { ok: true, step: 2 }],
    ['SEND_FAILURE', 2, 5, true, 2, { ok: true, step: 2 }],
    ['SEND_FAILURE', 2, 5, false, undefined, { ok: false, reason: 'inbox-disconnected' }],
    ['INBOX_DISCONNECTED', 2, 5, true, undefined, { ok: false, reason: 'no-send-problem' }],
    ['GMAIL_SEND_ERROR', 1, 5, true, undefined, { ok: false, reason: 'no-send-problem' }],
    [null, 1, 5, true, undefined, { ok: false, reason: 'no-send-problem' }],
  ] as const)('%s at step %i of %i (inbox connected: %s, asked %s) → %o', (problem, current, total, connected, asked, expected) => {
    expect(reenrollStep(problem, current, total, connected, asked)).toEqual(expected);
  });
});
