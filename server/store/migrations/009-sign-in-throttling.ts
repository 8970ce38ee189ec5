// Sign-in throttling per account and address, and per address (issue 12): the time of a key's
// latest failure, from which a slowed address waits. The keys were bare emails and are now
// "account|<email>|<client>" and "address|<client>": the old rows would never be read again.
// SQL that PostgreSQL 15 and PGlite (18) both accept.
export default /* sql */ `
ALTER TABLE sign_in_attempts ADD COLUMN last_failure_at timestamptz;
DELETE FROM sign_in_attempts;
`;
