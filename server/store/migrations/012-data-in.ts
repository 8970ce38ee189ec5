// What data coming in from outside needs of the tables that exist:
// - people can arrive without a password (from the sending system, or invited by an admin): they
//   cannot sign in until they set one through an invite link;
// - a person's id in the sending system, so a repeated upsert finds the same row;
// - when each person last signed in, for the Users screen;
// - what each integration key may do: post activity, ingest data, or both. Keys made before
//   scopes existed were for the activity feed, and keep exactly that.
// SQL that PostgreSQL 15 and PGlite (18) both accept.
export default `
ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL;
ALTER TABLE users ADD COLUMN external_id text;
ALTER TABLE users ADD COLUMN last_sign_in_at timestamptz;
CREATE UNIQUE INDEX users_external_id_key ON users (external_id) WHERE external_id IS NOT NULL;

ALTER TABLE integration_keys
  ADD COLUMN scope text NOT NULL DEFAULT 'activity' CHECK (scope IN ('activity', 'ingest', 'both'));
`;
