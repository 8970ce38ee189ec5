import { z } from 'zod';

// The marketing email tool: the account's marketing emails and sending one.

export const MarketingEmailStatus = z.enum(['draft', 'scheduled', 'sent']);
export type MarketingEmailStatus = z.infer<typeof MarketingEmailStatus>;

export const MarketingEmail = z
  .object({
    id: z.string(),
    name: z.string(),
    status: MarketingEmailStatus,
    sentCount: z.number().int().nonnegative(),
    scheduledAt: z.iso.datetime().nullable(),
    sentAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'MarketingEmail' });
export type MarketingEmail = z.infer<typeof MarketingEmail>;

export const MarketingEmailListQuery = z
  .object({
    status: MarketingEmailStatus.optional(),
    cursor: z.string().max(500).optional().describe('Opaque cursor from the previous page'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type MarketingEmailListQuery = z.infer<typeof MarketingEmailListQuery>;

export const MarketingEmailPage = z
  .object({
    items: z.array(MarketingEmail).describe('Newest first: drafts and scheduled emails, then sent ones'),
    nextCursor: z.string().nullable(),
    total: z.number().int().nonnegative(),
  })
  .meta({ id: 'MarketingEmailPage' });
export type MarketingEmailPage = z.infer<typeof MarketingEmailPage>;
