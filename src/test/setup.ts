import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';

// Component tests run the whole app against the real API on PGlite, and a route's code is
// transformed on first use: give findBy*/waitFor more than the 1 s default on a busy machine.
configure({ asyncUtilTimeout: 10_000 });

// jsdom has no layout: its scrollTo only reports "not implemented". Scroll restoration and
// the table's scroll-to-top call it; there is nothing to scroll, so do nothing, quietly.
window.scrollTo = () => {};

// A console.error or console.warn is a bug (a React warning, an unhandled request, an
// act() warning): fail the test that caused it, with the message.
const problems: string[] = [];

function format(args: unknown[]): string {
  return args
    .map((arg) => (arg instanceof Error ? (arg.stack ?? arg.message) : typeof arg === 'string' ? arg : JSON.stringify(arg)))
    .join(' ');
}

beforeEach(() => {
  problems.length = 0;
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void problems.push(`console.error: ${format(args)}`));
  vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => void problems.push(`console.warn: ${format(args)}`));
});

afterEach(() => {
  cleanup();
  localStorage.clear();
  sessionStorage.clear();
  vi.restoreAllMocks();
  if (problems.length > 0) {
    const found = problems.splice(0);
    throw new Error(`The test wrote to the console:\n${found.join('\n')}`);
  }
});
