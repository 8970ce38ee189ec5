import { describe, expect, it } from 'vitest';
import { SignInRequest } from './auth';
import { EMAIL_MAX_LENGTH, isEmailAddress } from './email';

const addresses = [
  'anna@example.com',
  'anna.lind+news@mail.example.se',
  "o'brien@example.ie",
  'UPPER@EXAMPLE.COM',
  `${'a'.repeat(64)}@${'b'.repeat(EMAIL_MAX_LENGTH - 64 - 5)}.com`, // 254 characters
  `${'a'.repeat(64)}@${'b'.repeat(EMAIL_MAX_LENGTH - 64 - 4)}.com`, // 255
  '',
  'anna',
  'anna@',
  '@example.com',
  'anna@example',
  'anna@@example.com',
  'anna lind@example.com',
  'anna@exa mple.com',
  'anna@-example.com',
  '.anna@example.com',
  'anna..lind@example.com',
  'anna@example.c',
];

describe('the email rule without the schema library', () => {
  it('takes and refuses the same addresses as the contract', () => {
    for (const address of addresses) {
      expect(isEmailAddress(address), address).toBe(SignInRequest.shape.email.safeParse(address).success);
    }
  });

  it('takes a plain address and refuses one too long, one without a domain and one with a space', () => {
    expect(isEmailAddress('anna@example.com')).toBe(true);
    expect(isEmailAddress(`${'a'.repeat(64)}@${'b'.repeat(EMAIL_MAX_LENGTH - 64 - 4)}.com`)).toBe(false);
    expect(isEmailAddress('anna@')).toBe(false);
    expect(isEmailAddress('anna lind@example.com')).toBe(false);
  });
});
