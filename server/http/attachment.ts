import contentDisposition from 'content-disposition';

// Letters that Unicode does not decompose into an ASCII letter and a mark (ł is not l + ◌).
const ASCII_LOOKALIKES: Record<string, string> = {
  ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ð: 'd', Ð: 'D', ø: 'o', Ø: 'O', æ: 'ae', Æ: 'AE',
  œ: 'oe', Œ: 'OE', ß: 'ss', þ: 'th', Þ: 'Th', ı: 'i', ħ: 'h', Ħ: 'H',
};

/** The name in ASCII for clients that do not read `filename*`: accents dropped, other letters
 * outside ASCII turned into dashes, `fallback` when nothing is left of the name before its
 * extension. */
export function asciiFileName(name: string, fallback: string): string {
  const dot = name.lastIndexOf('.');
  const [base, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  const ascii = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .replace(/[^\x20-\x7e]/g, (ch) => ASCII_LOOKALIKES[ch] ?? '-')
      .replace(/["\\]/g, '-')
      .replace(/-{2,}/g, '-')
      .replace(/^-|-$/g, '');
  return `${ascii(base) || fallback}${ascii(ext)}`;
}

/**
 * `Content-Disposition: attachment` for a file name in any script (RFC 6266): `filename=` in
 * ASCII for old clients and, when that had to change the name, `filename*=UTF-8''…` with the
 * real one. A header value cannot carry ł or 東 as they are. `asciiName` must be ASCII.
 */
export function attachment(name: string, asciiName = asciiFileName(name, 'download')): string {
  return contentDisposition(name, { fallback: asciiName });
}
