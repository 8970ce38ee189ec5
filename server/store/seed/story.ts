// The cast of the story the data tells (docs/architecture.md, docs/domain.md): a software company
// on the entry marketing plan, one sales team running ~20 sequences over six months, every
// error code and unenrollment reason present where the rules say it can happen, and a marketing
// team that blasted purchased lists a few weeks ago, so that its hard-bounce rate put the
// account on probation. Here: the named account, team, sequences and inboxes; the phases
// (users.ts … marketing-events.ts) tell the rest.

import { demoUser } from './demo-users';
import type { InboxProvider } from './rules';

export const ACCOUNT = { id: 1, name: 'Brightline Analytics', plan: 'starter', industry: 'software', timeZone: 'Europe/Stockholm' } as const;
export const TEAM = { id: 1, name: 'Revenue team' } as const;
/** The domain of the account's own people (users and their inboxes). */
export const ACCOUNT_DOMAIN = 'example.com';

const REP = demoUser('rep').name;
const MANAGER = demoUser('manager').name;

export interface CuratedSequence {
  name: (now: Date) => string;
  /** The owner's name: a demo user, or one of the team reps. */
  owner: string;
  createdDaysAgo: number;
  weight: number;
  sameCompany?: boolean;
  /** A territory sequence: only its owner and the manager enroll into it, so the demo rep
   * has no part in it (and cannot see it). */
  territory?: boolean;
  special?: 'deleted' | 'creator-removed';
}

/** The named sequences of the demo team (the xl dataset adds generated ones). The demo rep owns
 * five, the manager three. */
export const CURATED_SEQUENCES: readonly CuratedSequence[] = [
  { name: (now) => `Q${Math.floor(now.getUTCMonth() / 3) + 1} Outbound — SaaS CFOs`, owner: REP, createdDaysAgo: 70, weight: 1.6 },
  { name: () => 'Inbound demo requests — fast follow-up', owner: REP, createdDaysAgo: 280, weight: 2.0, sameCompany: true },
  { name: () => 'Webinar attendees — Forecasting 101', owner: REP, createdDaysAgo: 150, weight: 1.0 },
  { name: () => 'Trial ending — nudge to paid', owner: REP, createdDaysAgo: 260, weight: 1.4 },
  { name: () => 'Re-engage closed-lost (6 months)', owner: REP, createdDaysAgo: 210, weight: 0.8, sameCompany: true },
  { name: () => 'Enterprise ABM — Fintech', owner: MANAGER, createdDaysAgo: 240, weight: 0.7, sameCompany: true },
  { name: () => 'Heads of RevOps — cold outreach', owner: MANAGER, createdDaysAgo: 300, weight: 1.5 },
  { name: () => 'Renewal — 90 days out', owner: MANAGER, createdDaysAgo: 320, weight: 0.6 },
  { name: () => 'Partner referrals — warm intro', owner: 'Priya Natarajan', createdDaysAgo: 190, weight: 0.25 },
  { name: () => 'Pricing page visitors', owner: 'Priya Natarajan', createdDaysAgo: 230, weight: 1.3 },
  { name: () => 'Event follow-up — SaaStr Europa', owner: 'Diego Alvarez', createdDaysAgo: 120, weight: 0.9 },
  { name: () => 'Healthcare IT — compliance angle', owner: 'Diego Alvarez', createdDaysAgo: 270, weight: 0.8, territory: true },
  { name: () => 'Nordics outbound — Series A/B founders', owner: 'Emma Lindqvist', createdDaysAgo: 200, weight: 1.0, territory: true },
  { name: () => 'Churn-risk check-in', owner: 'Emma Lindqvist', createdDaysAgo: 250, weight: 0.5, sameCompany: true },
  { name: () => 'Manufacturing VP Ops — cold', owner: 'Tomasz Nowak', createdDaysAgo: 290, weight: 1.1 },
  { name: () => 'Poland & CEE expansion', owner: 'Tomasz Nowak', createdDaysAgo: 160, weight: 0.7, territory: true },
  { name: () => 'Free-tool signups — qualify', owner: 'Ingrid Solberg', createdDaysAgo: 220, weight: 1.2 },
  { name: () => 'Product launch — Forecasting add-on', owner: 'Marcus Chen', createdDaysAgo: 45, weight: 0.9 },
  { name: () => 'Expansion — seat upsell', owner: 'Aisha Bello', createdDaysAgo: 180, weight: 0.6, territory: true },
  {
    name: (now) => `Legacy — SMB blitz ${now.getUTCFullYear() - 1}`,
    owner: 'Kevin Doyle',
    createdDaysAgo: 330,
    weight: 0.6,
    special: 'creator-removed',
  },
  { name: () => 'Holiday promo follow-up', owner: 'Marcus Chen', createdDaysAgo: 260, weight: 0.5, special: 'deleted' },
];

/** Inboxes of the named users: the demo rep still sends from a free Gmail inbox (350 a day, so
 * the coming week has a day over its limit for the send forecast) and has a disconnected Google
 * Workspace inbox (so that the rep sees INBOX_DISCONNECTED); the manager Office 365, someone
 * Exchange, someone IMAP. */
export const NAMED_INBOXES: Record<string, ReadonlyArray<readonly [InboxProvider, boolean]>> = {
  [REP]: [
    ['gmail', true],
    ['google_workspace', false],
  ],
  [MANAGER]: [['office365', true]],
  'Priya Natarajan': [['google_workspace', true]],
  'Diego Alvarez': [
    ['office365', true],
    ['gmail', false],
  ],
  'Emma Lindqvist': [
    ['google_workspace', true],
    ['gmail', true],
  ],
  'Tomasz Nowak': [['exchange', true]],
  'Ingrid Solberg': [
    ['office365', true],
    ['imap', false],
  ],
  'Marcus Chen': [['google_workspace', true]],
  'Aisha Bello': [
    ['imap', true],
    ['google_workspace', true],
  ],
  'Kevin Doyle': [['google_workspace', false]],
};

/** Marketing emails the tool lists besides the latest sends: held back by probation, and drafts. */
export const HELD_MARKETING_EMAILS = ['Spring release highlights', 'Webinar invite: Forecasting that finance trusts', 'The Brightline Brief — next issue'];
export const DRAFT_MARKETING_EMAILS = ['Customer story: Nordvik Freight cut churn 18%', 'Survey: help shape our roadmap'];
