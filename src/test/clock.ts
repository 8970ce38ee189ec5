import { afterEach, beforeEach, vi } from 'vitest';
import { TEST_NOW } from '../../server/store/test-db';

// The test data is generated for a fixed moment (TEST_NOW). Each test starts its clock a
// little after it, as if the data had just been loaded, and lets it run: the app, the API it
// talks to in-process and the data then agree on "now", on any day the tests run. Only Date
// is faked; timers stay real.
const STARTS_AFTER_DATA_MS = 30 * 60 * 1000;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  vi.setSystemTime(TEST_NOW.getTime() + STARTS_AFTER_DATA_MS);
});

afterEach(() => {
  vi.useRealTimers();
});
