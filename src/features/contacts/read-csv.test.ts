import { describe, expect, it } from 'vitest';
import { fileProblem } from './read-csv';

const file = (name: string, type: string, size: number) => ({ name, type, size }) as File;

describe('fileProblem', () => {
  it('takes a CSV file, whatever type the system gives it', () => {
    expect(fileProblem(file('contacts.csv', 'text/csv', 10))).toBeNull();
    expect(fileProblem(file('CONTACTS.CSV', 'application/vnd.ms-excel', 10))).toBeNull();
    expect(fileProblem(file('contacts.csv', '', 10))).toBeNull();
  });
  it('refuses another kind of file, one over 20 MB, and an empty one', () => {
    expect(fileProblem(file('contacts.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 10))).toBe('wrong-type');
    expect(fileProblem(file('contacts.csv', 'image/png', 10))).toBe('wrong-type');
    expect(fileProblem(file('contacts.csv', 'text/csv', 20 * 1024 * 1024 + 1))).toBe('too-large');
    expect(fileProblem(file('contacts.csv', 'text/csv', 0))).toBe('empty');
  });
});
