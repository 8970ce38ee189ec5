import { describe, expect, it } from 'vitest';
import { batchRows, checkRow, isValidEmail, matchColumns, planImport, splitFullName } from './contact-import';

describe('matchColumns', () => {
  it('matches headers whatever their case, spacing and punctuation, each field once', () => {
    expect(matchColumns(['E-mail Address', ' FIRST name', 'last_name', 'Company', 'Notes', 'email'])).toEqual([
      'email',
      'firstName',
      'lastName',
      'company',
      null,
      null,
    ]);
  });

  it('knows the headers of the other languages', () => {
    expect(matchColumns(['E-post', 'Förnamn', 'Etternavn', 'Nazwisko', 'Företag'])).toEqual([
      'email',
      'firstName',
      'lastName',
      null,
      'company',
    ]);
  });
});

describe('isValidEmail', () => {
  it.each(['anna@example.com', 'a.b+tag@sub.example.co.uk', 'ola@exämple.no'])('takes %s', (e) => expect(isValidEmail(e)).toBe(true));
  it.each(['anna', 'anna@', '@example.com', 'anna@example', 'an..na@example.com', '.anna@example.com', 'anna @example.com', 'a@b@c.com'])(
    'refuses %s',
    (e) => expect(isValidEmail(e)).toBe(false),
  );
});

describe('checkRow', () => {
  const columns = matchColumns(['email', 'name', 'consent', 'marketing']);
  it('leaves empty cells out, so they overwrite nothing', () => {
    expect(checkRow([' anna@example.com ', '', '', ''], columns)).toEqual({ ok: true, row: { email: 'anna@example.com' } });
  });
  it('splits a full name at its last space and reads consent and yes/no', () => {
    expect(checkRow(['a@example.com', 'Anna Maria Berg', 'Explicit', 'ja'], columns)).toEqual({
      ok: true,
      row: { email: 'a@example.com', firstName: 'Anna Maria', lastName: 'Berg', consent: 'explicit', marketing: true },
    });
    expect(splitFullName('Cher')).toEqual({ firstName: 'Cher' });
  });
  it('says why a row cannot be imported', () => {
    expect(checkRow(['', 'Anna'], columns)).toMatchObject({ ok: false, problem: 'missing-email' });
    expect(checkRow(['anna(at)example.com'], columns)).toMatchObject({ ok: false, problem: 'invalid-email', value: 'anna(at)example.com' });
    expect(checkRow(['a@example.com', '', 'maybe'], columns)).toMatchObject({ ok: false, problem: 'invalid-consent', field: 'consent' });
    expect(checkRow(['a@example.com', '', '', 'perhaps'], columns)).toMatchObject({ ok: false, problem: 'invalid-yes-no', field: 'marketing' });
    expect(checkRow(['a@example.com', 'x'.repeat(101)], columns)).toMatchObject({ ok: false, problem: 'too-long', field: 'fullName' });
  });
});

describe('planImport', () => {
  it('keeps the first line of an address and reports later ones with the line they repeat', () => {
    const plan = planImport(
      [['a@example.com'], ['b@example.com'], ['A@Example.com'], ['bad'], ['']],
      ['email'],
    );
    expect(plan.rows.map((r) => r.email)).toEqual(['a@example.com', 'b@example.com']);
    expect(plan.badRows).toEqual([
      { line: 4, problem: 'duplicate-email', field: 'email', value: 'A@Example.com', firstLine: 2 },
      { line: 5, problem: 'invalid-email', field: 'email', value: 'bad' },
      { line: 6, problem: 'missing-email', field: 'email', value: '' },
    ]);
  });
});

describe('batchRows', () => {
  it('cuts by count and by size, keeping every row once and in order', () => {
    const rows = Array.from({ length: 2500 }, (_, i) => ({ email: `c${i}@example.com` }));
    const batches = batchRows(rows);
    expect(batches.map((b) => b.length)).toEqual([1000, 1000, 500]);
    expect(batches.flat()).toEqual(rows);
    const big = batchRows(rows, 1000, 10_000);
    expect(big.every((b) => new TextEncoder().encode(JSON.stringify(b)).length <= 10_000)).toBe(true);
    expect(big.length).toBeGreaterThan(3);
    expect(big.flat()).toHaveLength(2500);
  });
});
