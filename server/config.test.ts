import { describe, expect, it, test } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('HOUSEKEEPING_INTERVAL_MINUTES', () => {
  test('defaults to an hour; an empty value counts as unset; 0 turns housekeeping off', () => {
    expect(loadConfig({}).HOUSEKEEPING_INTERVAL_MINUTES).toBe(60);
    expect(loadConfig({ HOUSEKEEPING_INTERVAL_MINUTES: ' ' }).HOUSEKEEPING_INTERVAL_MINUTES).toBe(60);
    expect(loadConfig({ HOUSEKEEPING_INTERVAL_MINUTES: '15' }).HOUSEKEEPING_INTERVAL_MINUTES).toBe(15);
    expect(loadConfig({ HOUSEKEEPING_INTERVAL_MINUTES: '0' }).HOUSEKEEPING_INTERVAL_MINUTES).toBe(0);
  });

  test.each([
    ['soon', 'HOUSEKEEPING_INTERVAL_MINUTES: HOUSEKEEPING_INTERVAL_MINUTES must be a number of minutes'],
    ['1.5', 'HOUSEKEEPING_INTERVAL_MINUTES must be a whole number of minutes'],
    ['-5', 'HOUSEKEEPING_INTERVAL_MINUTES must be between 0 (off) and 10080 (a week)'],
    ['20000', 'HOUSEKEEPING_INTERVAL_MINUTES must be between 0 (off) and 10080 (a week)'],
  ])('refuses %s, naming the variable', (value, message) => {
    expect(() => loadConfig({ HOUSEKEEPING_INTERVAL_MINUTES: value })).toThrow(ConfigError);
    expect(() => loadConfig({ HOUSEKEEPING_INTERVAL_MINUTES: value })).toThrow(message);
  });
});

describe('LOG_LEVEL', () => {
  it('defaults to info and takes any pino level, in any case', () => {
    expect(loadConfig({}).LOG_LEVEL).toBe('info');
    expect(loadConfig({ LOG_LEVEL: '' }).LOG_LEVEL).toBe('info');
    expect(loadConfig({ LOG_LEVEL: ' Debug ' }).LOG_LEVEL).toBe('debug');
    expect(loadConfig({ LOG_LEVEL: 'silent' }).LOG_LEVEL).toBe('silent');
  });

  it('refuses anything else, naming the variable and the choices', () => {
    expect(() => loadConfig({ LOG_LEVEL: 'verbose' })).toThrow(ConfigError);
    expect(() => loadConfig({ LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent/);
  });
});

describe('TRUST_PROXY', () => {
  it('is off unless set: the client is the socket peer', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(0);
    expect(loadConfig({ TRUST_PROXY: '' }).TRUST_PROXY).toBe(0);
    expect(loadConfig({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(0);
    expect(loadConfig({ TRUST_PROXY: '0' }).TRUST_PROXY).toBe(0);
  });

  it('takes the number of proxies in front of the server', () => {
    expect(loadConfig({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(loadConfig({ TRUST_PROXY: ' 2 ' }).TRUST_PROXY).toBe(2);
  });

  it('refuses "true" and anything else with a message saying what to write', () => {
    for (const value of ['true', 'yes', '-1', '10', '1.5', 'loopback']) {
      expect(() => loadConfig({ TRUST_PROXY: value }), value).toThrow(ConfigError);
      expect(() => loadConfig({ TRUST_PROXY: value }), value).toThrow(/TRUST_PROXY must be the number of proxies/);
    }
  });
});
