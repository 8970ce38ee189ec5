import type { ThresholdLine, TrendPoint } from '../../../contract/email-health';

/** The vertical range of a trend chart and the threshold lines that fit in it. */
export interface TrendScale {
  max: number;
  ticks: number[];
  /** Lines drawn on the chart. */
  shown: ThresholdLine[];
  /** Lines so far above the data that drawing them would flatten it: named, not drawn. */
  offScale: ThresholdLine[];
}

/** A step of 1, 2, 2.5 or 5 times a power of ten that splits `max` into about `parts`. */
function niceStep(max: number, parts: number): number {
  const rough = max / parts;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const residual = rough / magnitude;
  const factor = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 2.5 ? 2.5 : residual <= 5 ? 5 : 10;
  return factor * magnitude;
}

/**
 * The range runs from 0 past the highest value and the two band edges (so the bands are always
 * visible). Other lines (suspension, probation, benchmark) join it when they are at most twice
 * that high; higher ones would squash the data into the bottom of the chart.
 */
export function trendScale(points: readonly TrendPoint[], thresholds: readonly ThresholdLine[]): TrendScale {
  const values = points.flatMap((p) => (p.value === null ? [] : [p.value]));
  const edges = thresholds.filter((l) => l.kind === 'healthy' || l.kind === 'attention').map((l) => l.value);
  const base = Math.max(...values, ...edges, 0.0001);
  const shown = thresholds.filter((l) => l.value <= base * 2);
  const offScale = thresholds.filter((l) => l.value > base * 2);
  const top = Math.min(1, Math.max(base, ...shown.map((l) => l.value)) * 1.08);
  const step = niceStep(top, 4);
  const max = Math.min(1, Math.ceil(top / step - 1e-9) * step);
  const ticks: number[] = [];
  for (let i = 0; i * step <= max + step * 1e-6; i++) ticks.push(Number((i * step).toPrecision(12)));
  return { max, ticks, shown, offScale };
}
