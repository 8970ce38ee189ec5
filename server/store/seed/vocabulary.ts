// The vocabularies of the seed: small lists that combine into names that look real. Only words
// here; what the data means (weights, reasons, the story) is elsewhere.

export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export const FIRST_NAMES = [
  'James', 'Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'William', 'Sophia', 'Lucas', 'Mia', 'Benjamin', 'Charlotte',
  'Henry', 'Amelia', 'Alexander', 'Harper', 'Daniel', 'Evelyn', 'Michael', 'Abigail', 'Ethan', 'Emily', 'David',
  'Elizabeth', 'Joseph', 'Sofia', 'Samuel', 'Grace', 'Matthew', 'Chloe', 'Ryan', 'Hannah', 'Nathan', 'Zoe', 'Owen',
  'Nora', 'Erik', 'Astrid', 'Lars', 'Ingrid', 'Johan', 'Elin', 'Magnus', 'Sigrid', 'Anders', 'Karin', 'Nils', 'Maja',
  'Henrik', 'Linnea', 'Ola', 'Kari', 'Bjørn', 'Solveig', 'Jakub', 'Zofia', 'Piotr', 'Agnieszka', 'Tomasz', 'Katarzyna',
  'Michał', 'Magdalena', 'Paweł', 'Aleksandra', 'Łukasz', 'Joanna', 'Carlos', 'María', 'Javier', 'Lucía', 'Diego',
  'Camila', 'Mateo', 'Valentina', 'Priya', 'Arjun', 'Ananya', 'Rohan', 'Aisha', 'Omar', 'Fatima', 'Yusuf', 'Wei', 'Mei',
  'Jun', 'Hana', 'Kenji', 'Yuki', 'Min-jun', 'Seo-yeon', 'Chidi', 'Amara', 'Kwame', 'Zanele', 'Thabo', 'Ngozi',
  'Sean', 'Siobhan', 'Liam', 'Aoife', 'Mateusz', 'Julia', 'Felix', 'Clara', 'Leon', 'Lena', 'Jonas', 'Marie',
];

export const LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez',
  'Lopez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Thompson', 'White', 'Harris',
  'Clark', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Green', 'Baker', 'Adams',
  'Nelson', 'Hill', 'Campbell', 'Mitchell', 'Roberts', 'Carter', 'Phillips', 'Evans', 'Turner', 'Parker', 'Collins',
  'Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson', 'Lindberg',
  'Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Kristiansen', 'Haugen', 'Bakken',
  'Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kowalczyk', 'Kamiński', 'Lewandowski', 'Zieliński', 'Szymański',
  'Woźniak', 'Dąbrowski', 'Kozłowski', 'Fernández', 'González', 'Sánchez', 'Pérez', 'Romero', 'Navarro', 'Patel',
  'Sharma', 'Iyer', 'Reddy', 'Khan', 'Ahmed', 'Hassan', 'Chen', 'Wang', 'Li', 'Zhang', 'Liu', 'Tanaka', 'Sato',
  'Suzuki', 'Kim', 'Park', 'Choi', 'Okafor', 'Mensah', 'Dlamini', 'Nkosi', 'Adeyemi', "O'Brien", 'Murphy', 'Kelly',
  'Byrne', 'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Becker', 'Dubois', 'Laurent', 'Rossi', 'Russo',
  'Bianchi', 'de Vries', 'Jansen', 'Virtanen', 'Korhonen',
];

export const ROLE_MAILBOXES = ['info', 'sales', 'support', 'contact', 'hello', 'billing', 'office', 'admin'];

/** Free-mail domains: [[domain, mailbox provider (index into MAILBOX_PROVIDERS)], weight]. */
export const PERSONAL_DOMAINS: ReadonlyArray<readonly [readonly [string, number], number]> = [
  [['gmail.com', 0], 55],
  [['outlook.com', 1], 12],
  [['hotmail.com', 1], 10],
  [['yahoo.com', 2], 12],
  [['icloud.com', 3], 8],
  [['proton.me', 3], 3],
];

export const CONSENT_MIX: ReadonlyArray<readonly [string, number]> = [
  ['explicit', 40],
  ['implied', 35],
  ['none', 25],
];

export const BRAND_HEADS = [
  'Blue', 'North', 'Bright', 'Iron', 'Silver', 'Pine', 'Harbor', 'Summit', 'Nova', 'Vertex', 'Cedar', 'Atlas', 'Granite',
  'Aurora', 'Fjord', 'Birch', 'Copper', 'Falcon', 'Maple', 'Orbit', 'Polar', 'Quartz', 'River', 'Sage', 'Tidal', 'Vista',
  'Willow', 'Zenith', 'Alder', 'Beacon', 'Cobalt', 'Delta', 'Ember', 'Glacier', 'Helix', 'Indigo', 'Juniper', 'Kestrel',
  'Lumen', 'Meridian', 'Nimbus', 'Onyx', 'Prism', 'Redwood', 'Solstice', 'Terra', 'Wren', 'Oak', 'Stone', 'Clear',
  'Swift', 'Open',
];
export const BRAND_TAILS = [
  'wave', 'stone', 'line', 'field', 'point', 'bridge', 'gate', 'path', 'peak', 'works', 'forge', 'light', 'leaf', 'hub',
  'scale', 'mark', 'craft', 'ridge', 'shore',
];
export const INDUSTRY_WORDS = [
  'Analytics', 'Logistics', 'Health', 'Robotics', 'Foods', 'Capital', 'Energy', 'Labs', 'Systems', 'Software', 'Retail',
  'Media', 'Bio', 'Security', 'Cloud', 'Payments', 'Insurance', 'Manufacturing', 'Studios', 'Consulting', 'Freight',
  'Networks', 'Dental', 'Legal',
];
/** [[legal form, top-level domain], weight]. */
export const LEGAL_FORMS: ReadonlyArray<readonly [readonly [string, string], number]> = [
  [['', 'com'], 30],
  [['', 'io'], 8],
  [['Inc.', 'com'], 18],
  [['LLC', 'com'], 6],
  [['AB', 'se'], 8],
  [['AS', 'no'], 6],
  [['Sp. z o.o.', 'pl'], 6],
  [['GmbH', 'de'], 7],
  [['Ltd', 'co.uk'], 8],
  [['Oy', 'fi'], 3],
];

export const SUBJECTS = [
  'Quick question, {{first_name}}',
  'Idea for {{company}}',
  'Worth a conversation?',
  'Forecasts your CFO will sign off on',
  '{{company}} + Brightline',
  'A 2-minute read for your team',
  'How Nordvik Freight cut reporting time in half',
  'Are spreadsheets still running your pipeline review?',
  'Following up on your demo request',
  'Your trial: what teams like yours set up first',
  'Saw your team is hiring in RevOps',
  'One number every board asks about',
];
export const BREAKUP_SUBJECTS = ['Closing the loop', 'Should I stop reaching out?', 'Last note from me', 'Not the right time?'];

export const SEQUENCE_THEMES = [
  'Cold outreach',
  'Inbound follow-up',
  'Event follow-up',
  'Re-engage',
  'Trial conversion',
  'Webinar follow-up',
  'Expansion',
  'Renewal',
  'ABM',
  'Referral intro',
  'Pricing page follow-up',
  'Content download follow-up',
];
export const SEQUENCE_SEGMENTS = [
  'SaaS CFOs',
  'Heads of RevOps',
  'VP Sales, mid-market',
  'FP&A managers',
  'Fintech founders',
  'Logistics COOs',
  'Healthcare IT directors',
  'Retail ops leaders',
  'Manufacturing plant managers',
  'DACH enterprise',
  'Nordics SMB',
  'UK public sector',
  'Benelux scale-ups',
  'US West Coast',
  'Series A founders',
  'Controllers',
  'Sales enablement',
  'Data teams',
];

export const CAMPAIGN_NAMES = [
  'Webinar: Forecasting 101 — save your seat',
  'New: scenario planning in two clicks',
  'Customer story: Fjordline Logistics',
  'Your quarterly benchmark report is ready',
  'Last chance: early-bird pricing for Summit',
  'Product update: faster dashboards',
  'Guide: building a pipeline review that works',
  'Invitation: customer advisory roundtable',
  'What is new in integrations',
  'Template pack: board-ready revenue reports',
  'Case study: how Copperline closed the books 3 days faster',
  'Event recap and slides',
  'Free tool: sales capacity calculator',
];
