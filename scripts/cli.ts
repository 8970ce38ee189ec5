// What the operator commands (create-user, seed) share: their options, their errors and how
// they end.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { z } from 'zod';

/** Bad input: the message and the usage. */
export class UsageError extends Error {}
/** A refusal the usage would not help with: the message only. */
export class Refusal extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;
type Values<O extends Options> = ReturnType<typeof parseArgs<{ options: O; strict: true }>>['values'];

/** The command's options (unknown ones refused), or null once --help (-h) has printed the usage. */
export function readOptions<const O extends Options>(usage: string, options: O): Values<O> | null {
  const config: ParseArgsConfig = { options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true };
  const { values } = parseArgs(config);
  if (values.help) {
    console.log(usage);
    return null;
  }
  return values as Values<O>;
}

/** What a schema made of the input, or a UsageError with one line per problem. */
export function validOrUsage<T>(result: z.ZodSafeParseResult<T>): T {
  if (!result.success) throw new UsageError(result.error.issues.map((i) => i.message).join('\n'));
  return result.data;
}

/** Runs the command and exits 1 on failure: bad input with the usage, a refusal as it is, anything
 * else after `failed` (e.g. "Seeding failed:"). */
export function runCommand(main: () => Promise<void>, usage: string, failed: string): void {
  main().catch((err: unknown) => {
    if (err instanceof UsageError || (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'))) {
      console.error(`${err.message}\n${usage}`);
    } else if (err instanceof Refusal) {
      console.error(err.message);
    } else {
      console.error(failed, err instanceof Error ? err.message : err);
    }
    process.exit(1);
  });
}
