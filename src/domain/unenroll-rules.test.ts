import { describe, expect, it } from 'vitest';
import { MailClient, type ActivityEvent, type KeepReason } from '../contract/integrations';
import type { UnenrollReason } from '../contract/codes';
import {
  decideAutomaticUnenroll,
  OUT_OF_OFFICE_MATRIX,
  outOfOfficeRecognised,
  type UnenrollContext,
} from './unenroll-rules';

const ENROLLED_AT = new Date('2025-03-01T09:00:00Z');
const LATER = '2025-03-05T10:00:00Z';
const EARLIER = '2025-02-20T10:00:00Z';

const ctx: UnenrollContext = {
  subject: 'contact',
  enrollment: { status: 'active', enrolledBy: '7', enrolledAt: ENROLLED_AT, contactEmail: 'ana@acme.test' },
  senderAddresses: ['sam@brightline.test', 'sam.rivera@brightline.test'],
  sequence: { id: '3', createdBy: '9', unenrollSameCompany: false },
  plan: 'starter',
};
const member: UnenrollContext = { ...ctx, subject: 'company-member', enrollment: { ...ctx.enrollment, contactEmail: 'bo@acme.test' } };
const withCtx = (over: Partial<UnenrollContext>): UnenrollContext => ({ ...ctx, ...over });

const base = { eventId: 'e1', occurredAt: LATER, contact: { email: 'ana@acme.test' } };
const ev = {
  reply: { type: 'reply', ...base },
  inbound: { type: 'inbound_email', ...base, toAddress: 'SAM@brightline.test' },
  otherAddress: { type: 'reply_other_address', ...base, fromAddress: 'ana.private@mail.test' },
  alias: { type: 'alias_email', ...base, aliasAddress: 'a.s@acme.test', toAddress: 'sam.rivera@brightline.test' },
  meeting: (source: 'step_link' | 'contact_record' | 'calendar' | 'associated_record', bookedWith: string, associatedWithContact = true) =>
    ({ type: 'meeting_booked', ...base, source, bookedWith, associatedWithContact }) as const,
  unsubscribe: (sequenceId: string) => ({ type: 'unsubscribe', ...base, sequenceId }) as const,
  bounce: (bounceType: 'hard' | 'soft') => ({ type: 'bounce', ...base, bounceType }) as const,
  autoReply: (sendingClient: MailClient, receivingInbox: MailClient) =>
    ({ type: 'auto_reply', ...base, sendingClient, receivingInbox }) as const,
  workflow: (sequenceId?: string) => ({ type: 'workflow_unenroll', ...base, ...(sequenceId ? { sequenceId } : {}) }) as const,
  sequenceDeleted: (sequenceId: string) => ({ type: 'sequence_deleted', eventId: 'e9', occurredAt: LATER, sequenceId }) as const,
  userRemoved: (userId: string, change: 'removed' | 'downgraded') =>
    ({ type: 'user_removed', eventId: 'e9', occurredAt: LATER, userId, change }) as const,
} as const;

type Case = [name: string, event: ActivityEvent, context: UnenrollContext, expected: UnenrollReason | KeepReason];

// Every rule of docs/domain.md §4, each with the cases that do and do not unenroll.
const cases: Case[] = [
  // 1. reply
  ['1 a reply to a sequence email', ev.reply as ActivityEvent, ctx, 'REPLIED'],
  ['1 a reply from before the enrollment', { ...ev.reply, occurredAt: EARLIER } as ActivityEvent, ctx, 'before-enrollment'],
  ['1 a reply while paused', ev.reply as ActivityEvent, withCtx({ enrollment: { ...ctx.enrollment, status: 'paused' } }), 'REPLIED'],
  // 2. emails the sender outside the sequence, from the enrolled address
  ['2 an email to the sender (any of their inboxes, any case)', ev.inbound as ActivityEvent, ctx, 'EMAILED_OUTSIDE_SEQUENCE'],
  ['2 an email to somebody else', { ...ev.inbound, toAddress: 'jo@brightline.test' } as ActivityEvent, ctx, 'not-to-sender'],
  // 3. reply from a different address
  ['3 a reply from another address', ev.otherAddress as ActivityEvent, ctx, 'REPLIED_FROM_OTHER_ADDRESS'],
  ['3 a "different" address that is the enrolled one', { ...ev.otherAddress, fromAddress: 'Ana@Acme.test' } as ActivityEvent, ctx, 'REPLIED'],
  // 4. email from an alias
  ['4 an email from an alias to the sender', ev.alias as ActivityEvent, ctx, 'EMAILED_FROM_ALIAS'],
  ['4 an email from an alias to somebody else', { ...ev.alias, toAddress: 'x@brightline.test' } as ActivityEvent, ctx, 'not-to-sender'],
  // 5. another contact of the same company (see also the table below)
  ['5 a colleague replied, setting on', ev.reply as ActivityEvent, { ...member, sequence: { ...ctx.sequence, unenrollSameCompany: true } }, 'COMPANY_MEMBER_REPLIED'],
  ['5 a colleague replied, setting off', ev.reply as ActivityEvent, member, 'same-company-off'],
  // 6. meetings
  ['6 a step\'s meeting link, booked with the enrolling user', ev.meeting('step_link', '7'), ctx, 'MEETING_BOOKED'],
  ['6 a step\'s meeting link of any other user', ev.meeting('step_link', '42'), ctx, 'MEETING_BOOKED'],
  ['6 contact record, with the enrolling user', ev.meeting('contact_record', '7'), ctx, 'MEETING_BOOKED'],
  ['6 contact record, with another user', ev.meeting('contact_record', '42'), ctx, 'booked-with-another-user'],
  ['6 integrated calendar, with the enrolling user', ev.meeting('calendar', '7'), ctx, 'MEETING_BOOKED'],
  ['6 integrated calendar, with another user', ev.meeting('calendar', '42'), ctx, 'booked-with-another-user'],
  ['6 associated record, also associated with the contact', ev.meeting('associated_record', '7', true), ctx, 'MEETING_BOOKED'],
  ['6 associated record, not associated with the contact', ev.meeting('associated_record', '7', false), ctx, 'not-associated-with-contact'],
  ['6 associated record and the contact, with another user', ev.meeting('associated_record', '42', true), ctx, 'booked-with-another-user'],
  [
    '6 logged while enrolled, took place before',
    { ...ev.meeting('contact_record', '7'), meetingAt: EARLIER },
    ctx,
    'MEETING_BOOKED',
  ],
  ['6 logged before the enrollment', { ...ev.meeting('step_link', '7'), occurredAt: EARLIER }, ctx, 'before-enrollment'],
  // 7. unsubscribe through the sequence's link
  ['7 this sequence\'s unsubscribe link', ev.unsubscribe('3'), ctx, 'UNSUBSCRIBED'],
  ['7 another sequence\'s link', ev.unsubscribe('4'), ctx, 'other-sequence'],
  // 8. bounce
  ['8 a hard bounce', ev.bounce('hard'), ctx, 'BOUNCED'],
  ['8 a soft bounce (temporary)', ev.bounce('soft'), ctx, 'soft-bounce'],
  // 9. workflow, enterprise only
  ['9 a workflow on an enterprise plan', ev.workflow(), withCtx({ plan: 'enterprise' }), 'WORKFLOW'],
  ['9 a workflow naming this sequence', ev.workflow('3'), withCtx({ plan: 'enterprise' }), 'WORKFLOW'],
  ['9 a workflow naming another sequence', ev.workflow('4'), withCtx({ plan: 'enterprise' }), 'other-sequence'],
  ['9 a workflow on the professional plan', ev.workflow(), withCtx({ plan: 'professional' }), 'not-enterprise'],
  ['9 a workflow on the starter plan', ev.workflow(), ctx, 'not-enterprise'],
  ['9 a workflow on the free plan', ev.workflow(), withCtx({ plan: 'free' }), 'not-enterprise'],
  // account level
  ['the sequence is deleted', ev.sequenceDeleted('3'), ctx, 'SEQUENCE_DELETED'],
  ['another sequence is deleted', ev.sequenceDeleted('4'), ctx, 'other-sequence'],
  ['the creator is removed', ev.userRemoved('9', 'removed'), ctx, 'CREATOR_REMOVED'],
  ['the creator is downgraded', ev.userRemoved('9', 'downgraded'), ctx, 'CREATOR_REMOVED'],
  ['the enrolling user (not the creator) is removed', ev.userRemoved('7', 'removed'), ctx, 'not-the-creator'],
  [
    'the sequence is deleted: its company members too, whatever happened before',
    { ...ev.sequenceDeleted('3'), occurredAt: EARLIER },
    member,
    'SEQUENCE_DELETED',
  ],
];

const outcome = (event: ActivityEvent, context: UnenrollContext) => {
  const d = decideAutomaticUnenroll(event, context);
  return d.unenroll ? d.reason : d.why;
};

describe('decideAutomaticUnenroll', () => {
  it.each(cases)('%s → %s', (_name, event, context, expected) => {
    expect(outcome(event, context)).toBe(expected);
  });

  it('says the scope: the contact itself, or its company', () => {
    expect(decideAutomaticUnenroll(ev.reply as ActivityEvent, ctx)).toEqual({ unenroll: true, reason: 'REPLIED', scope: 'contact' });
    const on = { ...member, sequence: { ...ctx.sequence, unenrollSameCompany: true } };
    expect(decideAutomaticUnenroll(ev.reply as ActivityEvent, on)).toEqual({
      unenroll: true,
      reason: 'COMPANY_MEMBER_REPLIED',
      scope: 'company',
    });
  });

  it.each(['finished', 'unenrolled', 'failed'] as const)('never touches an enrollment that is %s', (status) => {
    const done = withCtx({ enrollment: { ...ctx.enrollment, status } });
    for (const [, event] of cases) expect(outcome(event, done)).toBe('not-enrolled');
  });

  // Rule 5 for every event type: what a colleague's event does to this contact's enrollment.
  const on = { ...member, sequence: { ...ctx.sequence, unenrollSameCompany: true } };
  const companyCases: Array<[string, ActivityEvent, KeepReason | UnenrollReason, KeepReason | UnenrollReason]> = [
    ['reply', ev.reply as ActivityEvent, 'COMPANY_MEMBER_REPLIED', 'same-company-off'],
    ['reply from another address', ev.otherAddress as ActivityEvent, 'COMPANY_MEMBER_REPLIED', 'same-company-off'],
    ['email to this sender', ev.inbound as ActivityEvent, 'COMPANY_MEMBER_REPLIED', 'same-company-off'],
    ['email to another user', { ...ev.inbound, toAddress: 'x@brightline.test' } as ActivityEvent, 'not-to-sender', 'same-company-off'],
    ['alias email to this sender', ev.alias as ActivityEvent, 'COMPANY_MEMBER_REPLIED', 'same-company-off'],
    ['unrecognised auto-reply', ev.autoReply('gmail', 'outlook'), 'COMPANY_MEMBER_REPLIED', 'same-company-off'],
    ['recognised auto-reply', ev.autoReply('gmail', 'gmail'), 'out-of-office', 'out-of-office'],
    ['meeting', ev.meeting('step_link', '7'), 'not-a-company-rule', 'not-a-company-rule'],
    ['unsubscribe', ev.unsubscribe('3'), 'not-a-company-rule', 'not-a-company-rule'],
    ['bounce', ev.bounce('hard'), 'not-a-company-rule', 'not-a-company-rule'],
    ['workflow', ev.workflow(), 'not-a-company-rule', 'not-a-company-rule'],
    ['reply before this enrollment', { ...ev.reply, occurredAt: EARLIER } as ActivityEvent, 'before-enrollment', 'before-enrollment'],
  ];
  it.each(companyCases)('5 a colleague\'s %s → %s with the setting on, %s with it off', (_n, event, settingOn, settingOff) => {
    expect(outcome(event, on)).toBe(settingOn);
    expect(outcome(event, member)).toBe(settingOff);
  });
});

describe('out-of-office matrix', () => {
  it('covers every pair of sending client and receiving inbox exactly once', () => {
    const pairs = OUT_OF_OFFICE_MATRIX.map((r) => `${r.sendingClient}->${r.receivingInbox}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    expect(pairs).toHaveLength(MailClient.options.length ** 2);
  });

  const expected: Array<[MailClient, MailClient, boolean]> = [
    ['gmail', 'gmail', true],
    ['outlook', 'gmail', true],
    ['outlook', 'outlook', true],
    ['gmail', 'outlook', false],
    ['gmail', 'other', false],
    ['outlook', 'other', false],
    ['other', 'gmail', false],
    ['other', 'outlook', false],
    ['other', 'other', false],
  ];
  it.each(expected)('%s auto-reply into a %s inbox: recognised %s', (sending, receiving, recognised) => {
    expect(outOfOfficeRecognised(sending, receiving)).toBe(recognised);
    expect(outcome(ev.autoReply(sending, receiving), ctx)).toBe(recognised ? 'out-of-office' : 'REPLIED');
  });

  it('marks the pairs docs/domain.md does not name as unknown, and unknown pairs unenroll', () => {
    const unknown = OUT_OF_OFFICE_MATRIX.filter((r) => r.source === 'unknown');
    expect(unknown).toHaveLength(5);
    expect(unknown.every((r) => !r.recognised)).toBe(true);
  });
});
