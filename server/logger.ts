/** Structured fields of a log line. Never put a secret in them: no password, token, key, cookie
 * or header value, and no raw path or query string (it may carry search terms). */
export type LogFields = Record<string, unknown>;

/**
 * What the API logs through. Runtime-neutral: the Node server passes a pino logger (JSON lines
 * in production), the browser demo and the tests the console fallback below, so neither carries
 * pino. The shape is pino's `(fields, message)`, so a pino logger fits as it is.
 */
export interface Logger {
  debug(fields: LogFields, message: string): void;
  info(fields: LogFields, message: string): void;
  warn(fields: LogFields, message: string): void;
  error(fields: LogFields, message: string): void;
}

const quiet = () => undefined;

/** The default outside the Node server: no request lines, and failures on the console (where
 * the browser's devtools and the test set-up look for them). */
export const consoleLogger: Logger = {
  debug: quiet,
  info: quiet,
  warn: quiet,
  error: (fields, message) => {
    const { err, requestId, ...rest } = fields;
    console.error(`[${String(requestId ?? '-')}] ${message}`, ...(Object.keys(rest).length ? [rest] : []), ...(err ? [err] : []));
  },
};
