// Writes an enrollment and the sales email it sent: one event per email, at the time of its
// step, and one for the email the platform did not send (docs/domain.md §3).

import type { Random } from './random';
import { MAILBOX_PROVIDERS, isEmail, type MailboxProvider } from './rules';
import { deliveredEmails, type Enrollment, type SalesState } from './sales-state';

export async function emitEnrollment(s: SalesState, rng: Random, e: Enrollment): Promise<void> {
  const { ctx, contacts } = s;
  e.id = s.nextEnrollmentId++;
  const seq = e.seq;
  await ctx.out.add('enrollments', {
    id: e.id,
    sequenceId: seq.id,
    contactId: e.contact,
    enrolledBy: e.by,
    inboxId: e.inbox?.id ?? null,
    status: e.status,
    currentStep: e.step,
    enrollError: e.enrollError,
    emailError: e.emailError,
    relatedSequenceId: e.related,
    unenrollReason: e.unenrollReason,
    unenrolledBy: e.unenrolledBy,
    unenrolledAt: e.unenrolledAt,
    enrolledAt: e.enrolledAt,
    lastActivityAt: e.lastActivityAt,
    nextStepAt: e.nextStepAt,
    emailsSent: e.emailsSent,
    opened: e.opened,
    clicked: e.clicked,
    replied: e.replied,
    meetingBooked: e.meeting,
    contactName: contacts.name[e.contact] as string,
    contactEmail: contacts.email[e.contact] as string,
  });

  // The last email sent carries the outcome that ended the enrollment (bounce, rejection,
  // unsubscribe).
  const provider = MAILBOX_PROVIDERS[contacts.provider[e.contact]!] as MailboxProvider;
  const event = { kind: 'sales', contactId: e.contact, enrollmentId: e.id, provider, spamReported: false } as const;
  let sent = 0;
  const firstOpen = e.opened ? rng.int(1, deliveredEmails(e)) : Infinity;
  for (const step of seq.steps) {
    if (sent >= e.emailsSent) break;
    if (!isEmail(step.type)) continue;
    sent++;
    const last = sent === e.emailsSent;
    const at = e.enrolledAt + seq.offsets[step.position - 1]!;
    if (at < ctx.eventsFrom) continue;
    const bounce = last && (e.lastEmail === 'hard' || e.lastEmail === 'soft') ? e.lastEmail : null;
    const opened = !bounce && (sent === firstOpen || (sent > firstOpen && rng.chance(0.55)) || (last && (e.replied || e.lastEmail === 'unsubscribed')));
    await ctx.out.add('email_events', {
      id: ctx.nextEventId++,
      occurredAt: at,
      ...event,
      sent: true,
      notSentReason: null,
      delivered: !bounce,
      bounce,
      opened,
      clicked: e.clicked && sent === firstOpen,
      unsubscribed: last && e.lastEmail === 'unsubscribed',
    });
    s.salesEvents++;
  }
  if (e.notSent && e.notSent.at >= ctx.eventsFrom) {
    await ctx.out.add('email_events', {
      id: ctx.nextEventId++,
      occurredAt: e.notSent.at,
      ...event,
      sent: false,
      notSentReason: e.notSent.reason,
      delivered: false,
      bounce: null,
      opened: false,
      clicked: false,
      unsubscribed: false,
    });
    s.salesEvents++;
  }
}
