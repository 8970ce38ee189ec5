import { z } from 'zod';
import {
  CONSENT_VALUES,
  MAX_COMPANY_LENGTH,
  MAX_IMPORT_BATCH,
  MAX_NAME_LENGTH,
  emailKey,
  isValidEmail,
} from '../domain/contact-import';
import { InboxProvider } from './codes';
import { Enrollment } from './enrollments';

export const ContactSearchQuery = z
  .object({
    q: z.string().trim().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
    cursor: z.string().max(1000).optional().describe('The nextCursor of the previous page'),
  })
  .strict();

export const ContactSummary = z
  .object({ id: z.string(), name: z.string(), email: z.string(), company: z.string().nullable() })
  .meta({ id: 'ContactSummary' });
export type ContactSummary = z.infer<typeof ContactSummary>;

export const ContactSearchResult = z
  .object({
    items: z.array(ContactSummary),
    nextCursor: z.string().nullable().describe('The cursor of the next page, null on the last one'),
    total: z.number().int().describe('How many contacts match the search'),
  })
  .meta({ id: 'ContactSearchResult' });
export type ContactSearchResult = z.infer<typeof ContactSearchResult>;

const ImportText = (max: number) => z.string().trim().min(1).max(max).optional();

/** One contact of an import batch. A field left out is one the file had empty: the import never
 * writes over a value with nothing. */
export const ImportContactRow = z
  .object({
    email: z.string().trim().refine(isValidEmail, 'Not a valid email address'),
    firstName: ImportText(MAX_NAME_LENGTH),
    lastName: ImportText(MAX_NAME_LENGTH),
    company: ImportText(MAX_COMPANY_LENGTH).describe('Matched to a company by name, created when none has it'),
    consent: z.enum(CONSENT_VALUES).optional(),
    marketing: z.boolean().optional().describe('A marketing contact'),
    unsubscribed: z
      .boolean()
      .optional()
      .describe('Opted out of all email; an import records an opt-out but never lifts one'),
  })
  .strict()
  .meta({ id: 'ImportContactRow' });

export const ImportContactsRequest = z
  .object({
    rows: z
      .array(ImportContactRow)
      .min(1)
      .max(MAX_IMPORT_BATCH)
      .superRefine((rows, ctx) => {
        const first = new Map<string, number>();
        rows.forEach((row, i) => {
          const key = emailKey(row.email);
          const at = first.get(key);
          if (at === undefined) first.set(key, i);
          else ctx.addIssue({ code: 'custom', path: [i, 'email'], message: `The same address as row ${at}` });
        });
      }),
  })
  .strict()
  .meta({ id: 'ImportContactsRequest' });
export type ImportContactsRequest = z.infer<typeof ImportContactsRequest>;

export const ImportContactsResult = z
  .object({
    received: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
  })
  .meta({ id: 'ImportContactsResult' });
export type ImportContactsResult = z.infer<typeof ImportContactsResult>;

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
