// The Contacts page and Import contacts (issue 10). SQL that PostgreSQL 15 and PGlite (18) both
// accept.
export default /* sql */ `
-- The Contacts list walks contacts by name (last name, then first name, then id) in keyset
-- pages; this index serves every page, however deep, without sorting all contacts.
CREATE INDEX contacts_name_order_idx
  ON contacts (((lower(last_name) || chr(1) || lower(first_name)) COLLATE "C"), id);

-- An import matches the company column to companies by name, whatever its case.
CREATE INDEX companies_name_idx ON companies (lower(name));
`;
