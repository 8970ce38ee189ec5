// `npm run user:create -- --email x@y.z --name "X Y" --role rep|manager|marketer|admin [--password P] [--data-dir DIR]`
//
// Creates a user in the store the server uses (PostgreSQL when DATABASE_URL is set, else the
// PGlite folder). The password comes from --password, else the SD_PASSWORD environment
// variable, else a prompt that does not echo (or the first line of stdin when it is not a
// terminal). --password is visible in the shell history and the process list: prefer the others.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { Role } from '../src/contract/auth';
// The same rule as setting a password from an invite link (docs/domain.md §11).
import { Password } from '../src/contract/users';
import { loadConfig } from '../server/config';
import { nodePasswords } from '../server/node-passwords';
import { lockDataDir } from '../server/store/data-dir-lock';
import type { Db } from '../server/store/db';
import { migrate } from '../server/store/migrate';
import { openPglite } from '../server/store/pglite-db';
import { openPostgres } from '../server/store/postgres-db';
import { findUserByEmail, insertUser } from '../server/sessions/users-store';
import { readOptions, Refusal, runCommand, UsageError, validOrUsage } from './cli';

const USAGE =
  'usage: npm run user:create -- --email EMAIL --name "NAME" --role rep|manager|marketer|admin [--password P] [--data-dir DIR]';

const Args = z.object({
  email: z.email({ message: '--email must be an email address' }).max(254, '--email is too long'),
  name: z.string({ message: '--name is required' }).trim().min(1, '--name is required').max(200, '--name is too long'),
  role: z.enum(Role.options, { message: `--role must be one of ${Role.options.join(', ')}` }),
  'data-dir': z.string().min(1).optional(),
});

async function main(): Promise<void> {
  const values = readOptions(USAGE, {
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string' },
    password: { type: 'string' },
    'data-dir': { type: 'string' },
  });
  if (!values) return;
  const args = validOrUsage(Args.safeParse({ ...values, email: values.email?.trim() }));
  const config = loadConfig();

  const password = validOrUsage(Password.safeParse(values.password ?? process.env.SD_PASSWORD ?? (await promptPassword())));

  const db = await openStore(config.DATABASE_URL, args['data-dir'] ?? config.DATA_DIR);
  try {
    await migrate(db);
    if (await findUserByEmail(db, args.email)) throw new Refusal(`A user with the email ${args.email} already exists.`);
    const user = await insertUser(db, {
      email: args.email,
      name: args.name,
      role: args.role,
      passwordHash: await nodePasswords.hash(password),
    });
    console.log(`Created ${user.user.role} ${user.user.name} <${user.user.email}> (id ${user.id}).`);
  } finally {
    await db.close();
  }
}

async function openStore(databaseUrl: string | undefined, dataDir: string): Promise<Db> {
  if (databaseUrl) return openPostgres(databaseUrl, 1);
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  // Refuses a folder a running server has open (released when this process exits).
  lockDataDir(dir);
  return openPglite({ dataDir: dir });
}

/** Asks twice on a terminal, without echo; reads one line from a pipe. */
async function promptPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const rl = createInterface({ input: process.stdin });
    for await (const line of rl) {
      rl.close();
      return line;
    }
    throw new UsageError('No password: use --password, SD_PASSWORD or type it at the prompt.');
  }
  const first = await readHidden('Password: ');
  const second = await readHidden('Repeat the password: ');
  if (first !== second) throw new Refusal('The passwords do not match.');
  return first;
}

function readHidden(prompt: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const stdin = process.stdin;
    process.stdout.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let value = '';
    const done = (err?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stdout.write('\n');
      if (err) reject(err);
      else resolvePromise(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new Refusal('Cancelled.')); // Ctrl-C
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else if (ch >= ' ') value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

runCommand(main, USAGE, 'Creating the user failed:');
