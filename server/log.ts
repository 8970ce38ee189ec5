// The Node server's logger (Node only: the browser demo and the tests use server/logger.ts's
// console fallback). pino: one JSON line per event, cheap enough for a line per request.
import { pino, stdTimeFunctions, type DestinationStream, type Level } from 'pino';
import type { Logger } from './logger';

export type LogFormat = 'json' | 'pretty';

export interface LoggerOptions {
  level: Level | 'silent';
  /** `json` in production: one object a line for a log shipper; `pretty`: a short human line. */
  format: LogFormat;
  /** Where lines go; standard output by default. */
  destination?: { write(line: string): unknown };
}

/**
 * Secret-named fields, at the top of a line's fields or one level down, are replaced: a last
 * guard, since nothing logs headers, bodies or tokens on purpose. A field is secret when its
 * name, without case, `-` or `_`, ends with one of these (`password`, `csrfToken`,
 * `X-CSRF-Token`, `inviteToken`, `apiKey`, `set-cookie`, …). A plain walk of the keys: pino's
 * path-based redaction with wildcards cost several times the rest of a line (measured).
 */
const SECRET_NAME_ENDINGS = ['password', 'token', 'secret', 'cookie', 'authorization', 'key', 'headers', 'connectionstring', 'databaseurl'];
const isSecretName = (name: string) => {
  const n = name.toLowerCase().replace(/[-_]/g, '');
  return SECRET_NAME_ENDINGS.some((ending) => n.endsWith(ending));
};
const REDACTED = '[redacted]';

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;

/** The fields with any secret-named value replaced (a copy only when one is found). */
export function scrub(fields: Record<string, unknown>, depth = 0): Record<string, unknown> {
  let out: Record<string, unknown> | undefined;
  for (const [k, v] of Object.entries(fields)) {
    let next = v;
    if (isSecretName(k)) next = REDACTED;
    else if (depth < 1 && isPlainObject(v)) next = scrub(v, depth + 1);
    if (next !== v) (out ??= { ...fields })[k] = next;
  }
  return out ?? fields;
}

export function createLogger(options: LoggerOptions): Logger & { flush(): void } {
  const out = options.destination ?? process.stdout;
  const destination: DestinationStream =
    options.format === 'pretty' ? { write: (line: string) => void out.write(prettyLine(line)) } : { write: (line: string) => void out.write(line) };
  const logger = pino(
    {
      level: options.level,
      base: undefined,
      timestamp: stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }), log: (fields) => scrub(fields) },
      serializers: { err: serializeError },
    },
    destination,
  );
  return {
    debug: (fields, message) => logger.debug(fields, message),
    info: (fields, message) => logger.info(fields, message),
    warn: (fields, message) => logger.warn(fields, message),
    error: (fields, message) => logger.error(fields, message),
    flush: () => logger.flush(),
  };
}

/** Fields of a database error that say what went wrong without carrying data. Everything else
 * stays out: PGlite's and node-postgres' errors carry the statement's parameters (`params`)
 * and `detail` quotes row values, either of which may be a secret or personal data. */
const SAFE_ERROR_FIELDS = ['code', 'severity', 'routine', 'table', 'column', 'constraint', 'dataType'] as const;

/** An error as a log field: its type, message and stack, a few safe fields, and its cause. */
export function serializeError(err: unknown, depth = 0): Record<string, unknown> {
  if (!(err instanceof Error)) return { type: typeof err, message: String(err) };
  const out: Record<string, unknown> = { type: err.constructor.name, message: err.message, stack: err.stack };
  const fields = err as unknown as Record<string, unknown>;
  for (const k of SAFE_ERROR_FIELDS) {
    if (typeof fields[k] === 'string' || typeof fields[k] === 'number') out[k] = fields[k];
  }
  if (err.cause !== undefined && depth < 3) out.cause = serializeError(err.cause, depth + 1);
  return out;
}

interface Line {
  time?: string;
  level?: string;
  msg?: string;
  requestId?: string;
  method?: string;
  route?: string | null;
  status?: number;
  durationMs?: number;
  userId?: number;
  integrationKeyId?: number;
  err?: { type?: string; message?: string; stack?: string };
  [field: string]: unknown;
}

/** Development's short human line, from the JSON pino writes (no pino-pretty needed):
 * `12:04:05 GET /api/sequences/:id 200 4.1 ms user 2 [a1b2c3]`, or the message and its fields;
 * an error's stack on the lines below. */
export function prettyLine(json: string): string {
  let line: Line;
  try {
    line = JSON.parse(json) as Line;
  } catch {
    return json;
  }
  const { time, level, msg, requestId, method, route, status, durationMs, userId, integrationKeyId, err, ...rest } = line;
  const clock = time ? time.slice(11, 19) : '';
  const tag = level && level !== 'info' ? ` ${level.toUpperCase()}` : '';
  const who = userId !== undefined ? ` user ${userId}` : integrationKeyId !== undefined ? ` key ${integrationKeyId}` : '';
  const id = requestId ? ` [${requestId}]` : '';
  let text: string;
  if (msg === 'request' && method && status !== undefined) {
    text = `${method} ${route ?? '(no route)'} ${status} ${durationMs ?? '?'} ms${who}${id}`;
  } else {
    const extra = Object.entries({ method, route, status, ...rest })
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
      .join(' ');
    text = `${msg ?? ''}${extra ? ` ${extra}` : ''}${who}${id}`;
  }
  const stack = err ? `\n${err.stack ?? `${err.type ?? 'Error'}: ${err.message ?? ''}`}` : '';
  return `${clock}${tag} ${text}${stack}\n`;
}
