import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { newIdempotencyKey } from '../../api/idempotency-key';
import { batchRows, type ImportContactRow } from '../../domain/contact-import';
import { importBatch } from './api/import-contacts';

export interface ImportTotals {
  created: number;
  updated: number;
  unchanged: number;
}

export type ImportRun =
  | { state: 'idle' }
  | { state: 'running'; done: number; total: number; totals: ImportTotals }
  | { state: 'stopped'; done: number; total: number; totals: ImportTotals; error: unknown }
  | { state: 'finished'; total: number; totals: ImportTotals };

interface Plan {
  batches: ImportContactRow[][];
  /** One key per batch, made once: a retried batch sends its first key again. */
  keys: string[];
  /** The first batch not yet confirmed by the server. */
  next: number;
  done: number;
  total: number;
  totals: ImportTotals;
}

/**
 * Sends the rows in batches, one after the other, and keeps count. When a batch fails the run
 * stops there, saying what went in; `resume` carries on from that batch with the same keys, so
 * a batch that did arrive is answered from the server's record and nothing is written twice.
 */
export function useImportRun() {
  const queryClient = useQueryClient();
  const [run, setRun] = useState<ImportRun>({ state: 'idle' });
  const plan = useRef<Plan | null>(null);
  const abort = useRef<AbortController | null>(null);

  useEffect(() => () => abort.current?.abort(), []);

  const go = useCallback(async () => {
    const p = plan.current;
    if (!p) return;
    const controller = new AbortController();
    abort.current = controller;
    setRun({ state: 'running', done: p.done, total: p.total, totals: p.totals });
    while (p.next < p.batches.length) {
      const batch = p.batches[p.next] as ImportContactRow[];
      try {
        const answer = await importBatch(batch, p.keys[p.next] as string, controller.signal);
        p.totals = {
          created: p.totals.created + answer.created,
          updated: p.totals.updated + answer.updated,
          unchanged: p.totals.unchanged + answer.unchanged,
        };
        p.done += batch.length;
        p.next += 1;
        setRun({ state: 'running', done: p.done, total: p.total, totals: p.totals });
      } catch (error) {
        if (controller.signal.aborted) return;
        setRun({ state: 'stopped', done: p.done, total: p.total, totals: p.totals, error });
        void queryClient.invalidateQueries({ queryKey: ['contacts'] });
        return;
      }
    }
    setRun({ state: 'finished', total: p.total, totals: p.totals });
    void queryClient.invalidateQueries({ queryKey: ['contacts'] });
  }, [queryClient]);

  const start = useCallback(
    (rows: ImportContactRow[]) => {
      const batches = batchRows(rows);
      plan.current = {
        batches,
        keys: batches.map(newIdempotencyKey),
        next: 0,
        done: 0,
        total: rows.length,
        totals: { created: 0, updated: 0, unchanged: 0 },
      };
      void go();
    },
    [go],
  );

  const reset = useCallback(() => {
    abort.current?.abort();
    plan.current = null;
    setRun({ state: 'idle' });
  }, []);

  return { run, start, resume: go, reset };
}
