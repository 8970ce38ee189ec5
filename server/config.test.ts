import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

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
