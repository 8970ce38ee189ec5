// `npm run build` (after `vite build`): compiles the Node server into dist-server/main.js, which
// `npm run start:prod` runs with Node alone, after `npm prune --omit=dev`, and the operator's
// tools beside it (dist-server/create-user.js, dist-server/seed.js: `npm run user:create` and
// `npm run seed` need tsx, which a pruned install does not have).
//
// esbuild rather than tsc: the server's imports are extensionless (`./app`), which Node's ES
// modules cannot resolve, and it imports src/contract and src/domain from outside server/.
// esbuild bundles our own code into one file in a fraction of a second and leaves every package
// as an import (PGlite finds its WASM beside its own files). Then it checks that each of those
// packages is a production dependency: a development one would be missing after a pruned install.
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const OUT_DIR = 'dist-server';
/** What is compiled: the server, and the command-line tools an operator needs in production. */
const ENTRIES = {
  main: join('server', 'main.ts'),
  'create-user': join('scripts', 'create-user.ts'),
  seed: join('scripts', 'seed.ts'),
};

/** The package a bare import names: `pino`, `@hono/node-server` (from `@hono/node-server/serve-static`). */
export function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

const isBuiltin = (specifier: string) =>
  specifier.startsWith('node:') || builtinModules.includes(packageOf(specifier));

/** Imports of the bundle that a production install would not satisfy. */
export function devOnlyImports(imports: readonly string[], dependencies: Record<string, string>): string[] {
  return [...new Set(imports.filter((s) => !isBuiltin(s) && !(packageOf(s) in dependencies)))].sort();
}

export interface ServerBuild {
  /** The compiled server. */
  file: string;
  /** Every file written (the server and the tools). */
  files: string[];
  /** Every package the compiled files import at run time. */
  packages: string[];
  ms: number;
}

export async function buildServer(root: string): Promise<ServerBuild> {
  const started = performance.now();
  const outdir = join(root, OUT_DIR);
  const result = await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, file]) => [name, join(root, file)])),
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
    // The compiled server is the production entry: production unless told otherwise.
    banner: { js: "if (!process.env.NODE_ENV) process.env.NODE_ENV = 'production';" },
  });
  const outputs = Object.entries(result.metafile.outputs).filter(([file]) => file.endsWith('.js'));
  const imports = outputs.flatMap(([, o]) => o.imports.filter((i) => i.external).map((i) => i.path));
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  const devOnly = devOnlyImports(imports, pkg.dependencies ?? {});
  if (devOnly.length) {
    throw new Error(
      `The compiled server imports packages that are not production dependencies: ${devOnly.join(', ')}. ` +
        'Move them to "dependencies" or keep them out of what the server and its tools import.',
    );
  }
  const packages = [...new Set(imports.filter((s) => !isBuiltin(s)).map(packageOf))].sort();
  return {
    file: join(outdir, 'main.js'),
    files: outputs.map(([file]) => join(root, file)).sort(),
    packages,
    ms: Math.round(performance.now() - started),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  buildServer(root).then(
    ({ files, packages, ms }) =>
      console.log(`Built ${files.map((f) => relative(root, f)).join(', ')} in ${ms} ms (imports ${packages.join(', ')}).`),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
