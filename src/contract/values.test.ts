import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EmailProblem, EnrollErrorCode, EnrollmentStatus } from './codes';
import { EnrollmentSortField, ErrorFilter } from './enrollments';
import { SequenceSortField, SortDirection, StepType } from './sequences';
import { ERROR_FILTERS, isoDate, oneOf, STEP_TYPES } from './values';

describe('the contract’s values without the schema library', () => {
  it('give the same answer as each enum schema, for every value and for strangers', () => {
    const schemas = [EnrollErrorCode, EmailProblem, EnrollmentStatus, EnrollmentSortField, SequenceSortField, SortDirection, StepType];
    for (const schema of schemas) {
      const values = schema.options as readonly string[];
      for (const value of [...values, '', 'ACTIVE', ' active', 'unknown', null, 3, undefined]) {
        expect(oneOf(values, value), String(value)).toBe(schema.safeParse(value).data);
      }
    }
  });

  it('list the error filters as the contract takes them: enrollment errors first, then email problems', () => {
    expect([...ERROR_FILTERS]).toEqual([...EnrollErrorCode.options, ...EmailProblem.options]);
    for (const code of [...ERROR_FILTERS, 'REPLIED', 'bounced']) expect(oneOf(ERROR_FILTERS, code)).toBe(ErrorFilter.safeParse(code).data);
    expect(oneOf(STEP_TYPES, 'call')).toBe('call');
  });

  it('take a calendar date only when it exists, as z.iso.date() does', () => {
    const dates = [
      '2026-12-02',
      '2024-02-29',
      '2000-02-29',
      '1900-02-29',
      '2023-02-29',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2026-01-00',
      '0000-02-29',
      '0001-01-01',
      '9999-12-31',
      '2026-1-02',
      '2026-01-02T00:00:00',
      ' 2026-01-02',
      '',
      null,
    ];
    const IsoDate = z.iso.date();
    for (const value of dates) expect(isoDate(value), String(value)).toBe(IsoDate.safeParse(value).data);
  });
});
