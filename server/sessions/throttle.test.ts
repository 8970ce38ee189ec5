import { describe, expect, it } from 'vitest';
import { accountWait, addressWait, clientKey, current, throttleKeys } from './throttle';

const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s));

describe('clientKey', () => {
  it('keeps an IPv4 address, and the demo (no address) as one client', () => {
    expect(clientKey('203.0.113.7')).toBe('203.0.113.7');
    expect(clientKey(null)).toBe('unknown');
  });

  it('counts IPv6 per /64, however the address is written', () => {
    expect(clientKey('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:0DB8:0001:0002:ffff:0:0:9')).toBe('2001:db8:1:2::/64');
    expect(clientKey('::1')).toBe('0:0:0:0::/64');
    expect(clientKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(clientKey('64:ff9b::192.0.2.33')).toBe('64:ff9b:0:0::/64');
  });

  it('keys an account per client, and the client alone', () => {
    expect(throttleKeys('ana@example.com', '203.0.113.7')).toEqual({
      account: 'account|ana@example.com|203.0.113.7',
      address: 'address|203.0.113.7',
    });
  });
});

describe('waits', () => {
  const account = { maxFailures: 3, windowSeconds: 60 };
  const address = { slowAfter: 2, maxDelaySeconds: 8, maxFailures: 10, windowSeconds: 60 };

  it('forgets a count from an earlier window', () => {
    const count = { failures: 5, windowStart: at(0), lastFailureAt: at(10) };
    expect(current(count, 60, at(59))).toBe(count);
    expect(current(count, 60, at(60))).toBeNull();
  });

  it('refuses an account+address pair at its limit until the window ends', () => {
    expect(accountWait({ failures: 2, windowStart: at(0), lastFailureAt: at(5) }, account, at(5))).toBeNull();
    expect(accountWait({ failures: 3, windowStart: at(0), lastFailureAt: at(5) }, account, at(5))).toBe(55);
  });

  it('slows an address by doubling waits up to the longest, then refuses it', () => {
    const wait = (failures: number, sinceLast: number) =>
      addressWait({ failures, windowStart: at(0), lastFailureAt: at(10) }, address, at(10 + sinceLast));
    expect(wait(1, 0)).toBeNull();
    expect(wait(2, 0)).toBe(1);
    expect(wait(2, 1)).toBeNull();
    expect(wait(3, 0)).toBe(2);
    expect(wait(5, 0)).toBe(8);
    expect(wait(9, 0)).toBe(8);
    expect(wait(9, 8)).toBeNull();
    expect(wait(10, 8)).toBe(42);
  });
});
