// Importing contacts from a CSV file: which column holds what, which rows can be imported and
// why the others cannot. Pure and shared: the browser runs it for the preview, the server runs
// the same row rules again on every batch it receives, so the two can never disagree.

/** What a column of the file can be matched to. */
export const IMPORT_FIELDS = [
  'email',
  'firstName',
  'lastName',
  'fullName',
  'company',
  'consent',
  'marketing',
  'unsubscribed',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Most rows one file may hold, and most rows one request may carry. */
export const MAX_IMPORT_ROWS = 50_000;
export const MAX_IMPORT_BATCH = 1_000;
/** Largest file accepted (50,000 rows of a dozen columns fit well within it). */
export const MAX_IMPORT_FILE_BYTES = 20 * 1024 * 1024;
/** Longest text kept in a field. */
export const MAX_NAME_LENGTH = 100;
export const MAX_COMPANY_LENGTH = 200;
export const MAX_EMAIL_LENGTH = 254;

export const CONSENT_VALUES = ['explicit', 'implied', 'none'] as const;
export type ImportConsent = (typeof CONSENT_VALUES)[number];

/** Header spellings per field, compared after normalising (lower case, letters and digits only). */
const HEADER_NAMES: Record<ImportField, readonly string[]> = {
  email: ['email', 'emailaddress', 'mail', 'epost', 'epostadress', 'epostadresse', 'adresemail', 'eposta'],
  firstName: ['firstname', 'first', 'givenname', 'fornamn', 'fornavn', 'imie'],
  lastName: ['lastname', 'last', 'surname', 'familyname', 'efternamn', 'etternavn', 'nazwisko'],
  fullName: ['name', 'fullname', 'contactname', 'contact', 'namn', 'navn', 'imieinazwisko'],
  company: ['company', 'companyname', 'organisation', 'organization', 'account', 'foretag', 'firma', 'selskap', 'bedrift'],
  consent: ['consent', 'marketingconsent', 'samtycke', 'samtykke', 'zgoda'],
  marketing: ['marketing', 'marketingcontact', 'ismarketing', 'marknadsforing', 'markedsforing'],
  unsubscribed: ['unsubscribed', 'optedout', 'optout', 'avregistrerad', 'avmeldt', 'wypisany'],
};

/** A header as compared: case, accents, spaces and punctuation do not matter. */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ł/g, 'l')
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** The field each header matches, or null; each field is matched to its first column only. */
export function matchColumns(headers: readonly string[]): (ImportField | null)[] {
  const taken = new Set<ImportField>();
  return headers.map((header) => {
    const key = normaliseHeader(header);
    const field = IMPORT_FIELDS.find((f) => !taken.has(f) && HEADER_NAMES[f].includes(key)) ?? null;
    if (field) taken.add(field);
    return field;
  });
}

// An address a mail server would take: a dot-atom local part (no leading, trailing or doubled
// dot) and a domain of letter/digit labels with a top-level domain of two letters or more.
const EMAIL =
  /^(?!\.)(?!.*\.\.)[\p{L}\p{N}!#$%&'*+/=?^_`{|}~.-]{1,64}(?<!\.)@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/iu;

export function isValidEmail(email: string): boolean {
  return email.length <= MAX_EMAIL_LENGTH && EMAIL.test(email);
}

/** The key an import matches contacts by: the address in lower case. */
export const emailKey = (email: string) => email.trim().toLowerCase();

const TRUE_WORDS = new Set(['yes', 'y', 'true', '1', 'x', 'ja', 'j', 'tak', 't']);
const FALSE_WORDS = new Set(['no', 'n', 'false', '0', 'nej', 'nei', 'nie']);

/** One contact as a batch carries it; an absent field is one the file left empty, which the
 * import never writes over. */
export interface ImportContactRow {
  email: string;
  firstName?: string;
  lastName?: string;
  company?: string;
  consent?: ImportConsent;
  marketing?: boolean;
  unsubscribed?: boolean;
}

export type RowProblem =
  | 'missing-email'
  | 'invalid-email'
  | 'duplicate-email'
  | 'invalid-consent'
  | 'invalid-yes-no'
  | 'too-long';

export type RowCheck =
  | { ok: true; row: ImportContactRow }
  | { ok: false; problem: RowProblem; field: ImportField; value: string };

/** Splits a full name at its last space: "Anna Maria Berg" is Anna Maria, Berg. */
export function splitFullName(name: string): { firstName: string; lastName?: string } {
  const at = name.lastIndexOf(' ');
  return at < 0 ? { firstName: name } : { firstName: name.slice(0, at).trim(), lastName: name.slice(at + 1) };
}

/**
 * One line of the file as a contact, or the first problem that stops it being imported.
 * `columns` says which field each cell is; cells are trimmed, and empty ones are left out.
 */
export function checkRow(cells: readonly string[], columns: readonly (ImportField | null)[]): RowCheck {
  const value: Partial<Record<ImportField, string>> = {};
  columns.forEach((field, i) => {
    const cell = cells[i]?.trim();
    if (field && cell) value[field] = cell;
  });
  const email = value.email;
  if (!email) return { ok: false, problem: 'missing-email', field: 'email', value: '' };
  if (!isValidEmail(email)) return { ok: false, problem: 'invalid-email', field: 'email', value: email };

  const row: ImportContactRow = { email };
  if (value.fullName) Object.assign(row, withoutEmpty(splitFullName(value.fullName)));
  if (value.firstName) row.firstName = value.firstName;
  if (value.lastName) row.lastName = value.lastName;
  if (value.company) row.company = value.company;
  for (const field of ['firstName', 'lastName'] as const) {
    const text = row[field];
    if (text !== undefined && text.length > MAX_NAME_LENGTH) {
      return { ok: false, problem: 'too-long', field: value[field] ? field : 'fullName', value: text };
    }
  }
  if (row.company && row.company.length > MAX_COMPANY_LENGTH) {
    return { ok: false, problem: 'too-long', field: 'company', value: row.company };
  }
  if (value.consent) {
    const consent = value.consent.toLowerCase();
    if (!(CONSENT_VALUES as readonly string[]).includes(consent)) {
      return { ok: false, problem: 'invalid-consent', field: 'consent', value: value.consent };
    }
    row.consent = consent as ImportConsent;
  }
  for (const field of ['marketing', 'unsubscribed'] as const) {
    const text = value[field];
    if (!text) continue;
    const word = text.toLowerCase();
    if (TRUE_WORDS.has(word)) row[field] = true;
    else if (FALSE_WORDS.has(word)) row[field] = false;
    else return { ok: false, problem: 'invalid-yes-no', field, value: text };
  }
  return { ok: true, row };
}

function withoutEmpty(name: { firstName: string; lastName?: string }): Partial<ImportContactRow> {
  const out: Partial<ImportContactRow> = {};
  if (name.firstName) out.firstName = name.firstName;
  if (name.lastName) out.lastName = name.lastName;
  return out;
}

/** A row the file cannot import, by its line number in the file (the header is line 1). */
export interface BadRow {
  line: number;
  problem: RowProblem;
  field: ImportField;
  value: string;
  /** For a duplicate: the line that has the address first. */
  firstLine?: number;
}

export interface ImportPlan {
  rows: ImportContactRow[];
  badRows: BadRow[];
}

/**
 * Every data line of the file checked: the rows to import and, for each other line, why not.
 * A repeated address keeps its first line and reports the later ones as duplicates.
 */
export function planImport(lines: readonly (readonly string[])[], columns: readonly (ImportField | null)[]): ImportPlan {
  const rows: ImportContactRow[] = [];
  const badRows: BadRow[] = [];
  const seen = new Map<string, number>();
  lines.forEach((cells, i) => {
    const line = i + 2;
    const check = checkRow(cells, columns);
    if (!check.ok) {
      badRows.push({ line, problem: check.problem, field: check.field, value: check.value });
      return;
    }
    const key = emailKey(check.row.email);
    const firstLine = seen.get(key);
    if (firstLine !== undefined) {
      badRows.push({ line, problem: 'duplicate-email', field: 'email', value: check.row.email, firstLine });
      return;
    }
    seen.set(key, line);
    rows.push(check.row);
  });
  return { rows, badRows };
}

/** Cuts the rows into batches of at most `size` rows and about `maxBytes` of JSON each (the
 * API refuses bodies over 1 MB). */
export function batchRows(rows: readonly ImportContactRow[], size = MAX_IMPORT_BATCH, maxBytes = 800_000): ImportContactRow[][] {
  const batches: ImportContactRow[][] = [];
  let current: ImportContactRow[] = [];
  let bytes = 0;
  for (const row of rows) {
    // Three bytes a UTF-16 unit is the most UTF-8 takes, so a batch never exceeds the limit.
    const rowBytes = JSON.stringify(row).length * 3 + 1;
    if (current.length && (current.length >= size || bytes + rowBytes > maxBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(row);
    bytes += rowBytes;
  }
  if (current.length) batches.push(current);
  return batches;
}
