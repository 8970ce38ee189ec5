import { z } from 'zod';

// An empty variable (`FOO=`) means "not set", so `.env` files and CI matrices can blank one out.
const unset = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const flag = (name: string) =>
  z.preprocess(
    unset,
    z
      .string()
      .optional()
      .transform((v, ctx) => {
        if (v === undefined) return false;
        const s = v.trim().toLowerCase();
        if (['1', 'true', 'yes', 'on'].includes(s)) return true;
        if (['0', 'false', 'no', 'off'].includes(s)) return false;
        ctx.addIssue({ code: 'custom', message: `${name} must be true or false (got "${v}")` });
        return z.NEVER;
      }),
  );

// How many proxies in front of the server to believe, counted from the server outwards: 0 (the
// default) reads the client from the socket and ignores X-Forwarded-For, which anyone can write;
// 1 takes the right-most X-Forwarded-For entry (written by the one proxy), 2 the one before it.
const trustProxy = z.preprocess(
  unset,
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined) return 0;
      const s = v.trim().toLowerCase();
      if (['0', 'false', 'no', 'off'].includes(s)) return 0;
      if (/^[1-9]$/.test(s)) return Number(s);
      ctx.addIssue({
        code: 'custom',
        message: `TRUST_PROXY must be the number of proxies in front of the server, 0 to 9 (got "${v}")`,
      });
      return z.NEVER;
    }),
);

const EnvSchema = z.object({
  PORT: z.preprocess(
    unset,
    z.coerce
      .number({ message: 'PORT must be a number' })
      .int('PORT must be a whole number')
      .min(0, 'PORT must be between 0 and 65535')
      .max(65535, 'PORT must be between 0 and 65535')
      .default(3000),
  ),
  HOST: z.preprocess(unset, z.string().default('0.0.0.0')),
  DATA_DIR: z.preprocess(unset, z.string().default('./data')),
  DATABASE_URL: z.preprocess(
    unset,
    z
      .string()
      .refine((v) => /^postgres(ql)?:\/\//.test(v) && URL.canParse(v), {
        message: 'DATABASE_URL must be a postgres:// or postgresql:// URL',
      })
      .optional(),
  ),
  SEED_DATASET: z.preprocess(
    unset,
    z.enum(['demo', 'none'], { message: 'SEED_DATASET must be "demo" or "none"' }).default('demo'),
  ),
  /** Ingest requests one integration key may make per minute (docs/integration.md). */
  INGEST_RATE_LIMIT: z.preprocess(
    unset,
    z.coerce
      .number({ message: 'INGEST_RATE_LIMIT must be a number' })
      .int('INGEST_RATE_LIMIT must be a whole number')
      .min(1, 'INGEST_RATE_LIMIT must be at least 1')
      .default(1200),
  ),
  // Minutes between housekeeping rounds (expired sessions, old sign-in attempts, idempotency
  // records); 0 turns it off, e.g. when another job does it.
  HOUSEKEEPING_INTERVAL_MINUTES: z.preprocess(
    unset,
    z.coerce
      .number({ message: 'HOUSEKEEPING_INTERVAL_MINUTES must be a number of minutes' })
      .int('HOUSEKEEPING_INTERVAL_MINUTES must be a whole number of minutes')
      .min(0, 'HOUSEKEEPING_INTERVAL_MINUTES must be between 0 (off) and 10080 (a week)')
      .max(10080, 'HOUSEKEEPING_INTERVAL_MINUTES must be between 0 (off) and 10080 (a week)')
      .default(60),
  ),
  SECURE_COOKIES: flag('SECURE_COOKIES'),
  SKIP_BUILD: flag('SKIP_BUILD'),
  LOG_LEVEL: z.preprocess(
    (v) => (typeof unset(v) === 'string' ? (v as string).trim().toLowerCase() : unset(v)),
    z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        message: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
      })
      .default('info'),
  ),
  TRUST_PROXY: trustProxy,
  NODE_ENV: z.preprocess(
    unset,
    z
      .enum(['development', 'production', 'test'], {
        message: 'NODE_ENV must be development, production or test',
      })
      .default('development'),
  ),
});

export type Config = z.infer<typeof EnvSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and validates the server's environment once; throws a ConfigError listing every bad
 * variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => {
    const key = issue.path.join('.');
    return `  - ${key}: ${issue.message}`;
  });
  throw new ConfigError(`Invalid environment:\n${lines.join('\n')}`);
}
