// The pure half of `npm run size`: which files of a built index.html a first visit downloads
// before the app can start, and what they weigh gzipped.
import { gzipSync } from 'node:zlib';

/** The module script (`<script type="module" src>`) and every `<link rel="modulepreload">`,
 * in document order, each once. Stylesheets and icons are not JavaScript and are left out. */
export function entryScripts(html: string): string[] {
  const found: string[] = [];
  const attr = (tag: string, name: string) =>
    new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)?.slice(1).find((v) => v !== undefined);
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/gi)) {
    const isScript = /^<script/i.test(tag);
    const src = isScript
      ? attr(tag, 'type') === 'module' ? attr(tag, 'src') : undefined
      : attr(tag, 'rel')?.split(/\s+/).includes('modulepreload') ? attr(tag, 'href') : undefined;
    if (src && !found.includes(src)) found.push(src);
  }
  return found;
}

/** Bytes after gzip at level 9, as a server that precompresses at the highest setting sends them. */
export function gzipSize(content: string | Uint8Array): number {
  return gzipSync(content, { level: 9 }).length;
}

export interface EntryFile {
  file: string;
  bytes: number;
  gzip: number;
}

/** Each entry script of `html` with its raw and gzip -9 size, read through `read`. */
export function measureEntry(html: string, read: (file: string) => Uint8Array): EntryFile[] {
  return entryScripts(html).map((file) => {
    const content = read(file);
    return { file, bytes: content.length, gzip: gzipSize(content) };
  });
}

export function totalGzip(files: EntryFile[]): number {
  return files.reduce((sum, f) => sum + f.gzip, 0);
}

/** What only the in-browser demo may ship: MSW's service worker, the prebuilt demo database,
 * and the code of PGlite and MSW (their names survive minification in their own messages). */
const DEMO_FILES = [/(^|\/)mockServiceWorker\.js/, /(^|\/)demo-db\//];
const DEMO_CODE = [/pglite/i, /mswjs/];

/** The files of a production build that carry any part of the demo, each with why. `files` are
 * paths relative to the build folder; `read` gives a JavaScript file's text. */
export function demoLeftovers(files: string[], read: (file: string) => string): string[] {
  const found: string[] = [];
  for (const file of files) {
    if (DEMO_FILES.some((re) => re.test(file))) found.push(`${file} (a demo file)`);
    else if (/\.js$/.test(file)) {
      const hit = DEMO_CODE.find((re) => re.test(read(file)));
      if (hit) found.push(`${file} (matches ${hit})`);
    }
  }
  return found;
}
