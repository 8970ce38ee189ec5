import Papa from 'papaparse';
import { MAX_IMPORT_FILE_BYTES, MAX_IMPORT_ROWS } from '../../domain/contact-import';

export interface CsvTable {
  headers: string[];
  /** The data lines, without the header and without blank lines. */
  lines: string[][];
}

export type CsvProblem = 'wrong-type' | 'too-large' | 'too-many-rows' | 'empty' | 'unreadable';

export class CsvReadError extends Error {
  constructor(readonly problem: CsvProblem) {
    super(problem);
  }
}

const CSV_TYPES = new Set(['text/csv', 'application/csv', 'text/comma-separated-values', 'application/vnd.ms-excel', 'text/plain', '']);

/** Whether a chosen file can be a CSV file, before reading it. */
export function fileProblem(file: File): CsvProblem | null {
  if (!/\.(csv|txt)$/i.test(file.name) || !CSV_TYPES.has(file.type)) return 'wrong-type';
  if (file.size > MAX_IMPORT_FILE_BYTES) return 'too-large';
  if (file.size === 0) return 'empty';
  return null;
}

/**
 * Reads a CSV file in chunks of a quarter megabyte, each parsed between two turns of the event
 * loop, so the page keeps answering while 50,000 rows come in. `onProgress` gets the share read
 * (0 to 1) and the lines so far. Rejects with a CsvReadError.
 */
export function readCsv(file: File, onProgress: (share: number, lines: number) => void): Promise<CsvTable> {
  const problem = fileProblem(file);
  if (problem) return Promise.reject(new CsvReadError(problem));
  return new Promise((resolve, reject) => {
    let headers: string[] | null = null;
    const lines: string[][] = [];
    let failed = false;
    Papa.parse<string[]>(file, {
      header: false,
      skipEmptyLines: 'greedy',
      chunkSize: 256 * 1024,
      chunk: (results, parser) => {
        let rows = results.data;
        if (!headers && rows.length) {
          const [first, ...rest] = rows;
          headers = (first ?? []).map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h).trim());
          rows = rest;
        }
        if (lines.length + rows.length > MAX_IMPORT_ROWS) {
          failed = true;
          parser.abort();
          reject(new CsvReadError('too-many-rows'));
          return;
        }
        for (const row of rows) lines.push(row);
        onProgress(Math.min(1, results.meta.cursor / Math.max(1, file.size)), lines.length);
      },
      complete: () => {
        if (failed) return;
        if (!headers || headers.every((h) => h === '')) reject(new CsvReadError('empty'));
        else resolve({ headers, lines });
      },
      error: () => {
        failed = true;
        reject(new CsvReadError('unreadable'));
      },
    });
  });
}
