/** The tiny driver interface the store speaks: parameterised SQL only. */
export type Row = Record<string, unknown>;

export interface Queryable {
  query<T = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs one or more statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /**
   * Runs `fn` on one connection of its own, kept for as long as `fn` runs: what session state
   * (PostgreSQL advisory locks) needs. Drivers with a single connection (PGlite) leave it out;
   * `server/store/locks.ts` then runs `fn` on the database itself.
   */
  reserve?<T>(fn: (conn: Db) => Promise<T>): Promise<T>;
}
