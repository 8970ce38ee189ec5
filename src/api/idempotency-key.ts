import { useMemo, useRef } from 'react';

/** A random key for the Idempotency-Key header (a UUID where the browser offers one: it does
 * only in a secure context). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface IdempotencyKeys {
  /** The key of this request: the same while the same request (the same `fingerprint`) is
   * tried again, so one that did reach the server is not applied twice; a new one for another. */
  keyFor(fingerprint: string): string;
  /** The request is done with (it succeeded, or was given up): the next one gets a new key. */
  forget(): void;
}

/** One Idempotency-Key per confirmed action of a component, kept across its retries. */
export function useIdempotencyKey(): IdempotencyKeys {
  const attempt = useRef<{ key: string; fingerprint: string } | null>(null);
  return useMemo(
    () => ({
      keyFor(fingerprint) {
        if (attempt.current?.fingerprint !== fingerprint) attempt.current = { key: newIdempotencyKey(), fingerprint };
        return attempt.current.key;
      },
      forget() {
        attempt.current = null;
      },
    }),
    [],
  );
}
