// `npm start`: the newcomer's one command. Builds the web app when dist/ is missing or stale,
// then runs the server entry (server/main.ts), which opens the store (PGlite in ./data, seeded
// with the demo data on first start) and serves. Production runs the compiled entry instead
// (`npm run build`, then `npm run start:prod`), with no build step and no dev dependencies.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from './config';
import { buildSpaIfStale } from './dev-build';

try {
  if (!loadConfig().SKIP_BUILD) buildSpaIfStale(resolve(dirname(fileURLToPath(import.meta.url)), '..'));
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : `Sequence Desk failed to start: ${String(err)}`);
  process.exit(1);
}
await import('./main');
