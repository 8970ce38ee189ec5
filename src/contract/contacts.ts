import { z } from 'zod';
import { InboxProvider } from './codes';
import { Enrollment } from './enrollments';

export const ContactSearchQuery = z
  .object({
    q: z.string().trim().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  })
  .strict();

export const ContactSummary = z
  .object({ id: z.string(), name: z.string(), email: z.string(), company: z.string().nullable() })
  .meta({ id: 'ContactSummary' });
export type ContactSummary = z.infer<typeof ContactSummary>;

export const ContactSearchResult = z.object({ items: z.array(ContactSummary) }).meta({ id: 'ContactSearchResult' });

export const ContactDetail = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    company: z.string().nullable(),
    owner: z.object({ id: z.string(), name: z.string() }).nullable(),
    enrollments: z.array(Enrollment.extend({ sequenceName: z.string() })),
    onlyOwnEnrollments: z.boolean().describe('The enrollments are only the ones the caller made (reps see no one else\'s)'),
  })
  .meta({ id: 'ContactDetail' });
export type ContactDetail = z.infer<typeof ContactDetail>;

export const Inbox = z
  .object({ id: z.string(), address: z.string(), provider: InboxProvider, connected: z.boolean() })
  .meta({ id: 'Inbox' });
export type Inbox = z.infer<typeof Inbox>;
export const InboxList = z.object({ items: z.array(Inbox) }).meta({ id: 'InboxList' });
export type InboxList = z.infer<typeof InboxList>;
