// What running the team from the Users screen needs:
// - one invite per person: a link an admin hands over, so the person sets their own password.
//   Only a hash of its token is kept; a new invite for the same person replaces the old one
//   (one row per user), and a used one is kept with its time so that it cannot work again;
// - counted requests per key in a fixed window (inviting per address, setting a password per
//   invite token), in the database so that every server instance counts the same.
// SQL that PostgreSQL 15 and PGlite (18) both accept.
export default `
CREATE TABLE user_invites (
  user_id     int PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  token_hash  text NOT NULL UNIQUE,
  created_by  int REFERENCES users(id),
  created_at  timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz
);

CREATE TABLE rate_limit_hits (
  key           text PRIMARY KEY,
  window_start  timestamptz NOT NULL,
  hits          int NOT NULL
);
CREATE INDEX rate_limit_hits_window_idx ON rate_limit_hits (window_start);
`;
