import contentDisposition from 'content-disposition';
import { describe, expect, it } from 'vitest';
import { attachmentName } from './attachment-name';

describe('attachmentName', () => {
  it('prefers the UTF-8 name over the ASCII fallback', () => {
    const header = `attachment; filename="lodz-enrollments.csv"; filename*=UTF-8''%C5%82%C3%B3d%C5%BA-enrollments.csv`;
    expect(attachmentName(header)).toBe('łódź-enrollments.csv');
  });

  it('reads what the content-disposition package writes, in any script', () => {
    for (const name of ['东京-enrollments.csv', 'şişli.csv', 'a "quoted" name.csv', 'plain.csv', '100%.csv']) {
      expect(attachmentName(contentDisposition(name)), name).toBe(name);
    }
  });

  it('reads a quoted or bare filename, and gives null without one', () => {
    expect(attachmentName('attachment; filename="a\\"b.csv"')).toBe('a"b.csv');
    expect(attachmentName('attachment; filename=report.csv')).toBe('report.csv');
    expect(attachmentName('attachment')).toBeNull();
    expect(attachmentName(null)).toBeNull();
  });

  it('falls back to the plain name when the encoded one is malformed', () => {
    expect(attachmentName(`attachment; filename="x.csv"; filename*=UTF-8''%E0%A4%A.csv`)).toBe('x.csv');
  });
});
