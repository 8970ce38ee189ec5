import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HealthRate, ThresholdLine, TrendGranularity, TrendSeries } from '../../../contract/email-health';
import { ColumnHeader } from '../../../ui/column-header';
import { formatCount, formatDay, formatDayRange, formatRate } from '../format';
import { countsLabel, thresholdLabel } from './threshold-label';
import { trendScale } from './trend-scale';

// A hand-drawn SVG: six small line charts with a handful of horizontal lines need no chart
// library, and drawing them ourselves keeps the text, the scale and the table alternative in
// step. The SVG is one image with a title and a summary; the table holds every value.

const WIDTH = 420;
const HEIGHT = 200;
const MARGIN = { top: 10, right: 12, bottom: 24, left: 50 };
const PLOT_W = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_H = HEIGHT - MARGIN.top - MARGIN.bottom;

interface TrendChartProps {
  series: TrendSeries;
  rate: HealthRate;
  granularity: TrendGranularity;
}

/** One rate over time against its threshold lines, with a table of the same values. */
export function TrendChart({ series, rate, granularity }: TrendChartProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const titleId = useId();
  const descId = useId();
  const tableId = useId();
  const [showTable, setShowTable] = useState(false);

  const name = t(`health.rates.names.${rate.key}`);
  const title = granularity === 'day' ? t('health.trend.byDay', { rate: name }) : t('health.trend.byWeek', { rate: name });
  const { points } = series;
  const scale = trendScale(points, series.thresholds);
  const n = points.length;
  const x = (i: number) => MARGIN.left + (n <= 1 ? PLOT_W / 2 : (i * PLOT_W) / (n - 1));
  const y = (v: number) => MARGIN.top + PLOT_H - (Math.min(v, scale.max) / scale.max) * PLOT_H;

  const withValue = points.flatMap((p, i) => (p.value === null ? [] : [{ ...p, value: p.value, i }]));
  const line = withValue.map((p, k) => `${k === 0 ? 'M' : 'L'}${x(p.i).toFixed(1)},${y(p.value).toFixed(1)}`).join('');
  const periodOf = (p: { from: string; to: string }) => (granularity === 'day' ? formatDay(p.from) : formatDayRange(p.from, p.to));

  let summary = t('health.trend.summaryEmpty');
  if (withValue.length > 0) {
    const values = withValue.map((p) => p.value);
    const latest = withValue[withValue.length - 1]!;
    summary = t('health.trend.summary', {
      min: formatRate(Math.min(...values)),
      max: formatRate(Math.max(...values)),
      latest: formatRate(latest.value),
      period: periodOf(latest),
    });
  }

  const first = points[0];
  const last = points[n - 1];
  const bands = bandAreas(rate, scale.max);

  return (
    <figure className="trend-chart" aria-labelledby={headingId}>
      <h3 id={headingId} className="trend-chart__title">
        {name}
      </h3>
      <svg
        className="trend-chart__svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
      >
        <title id={titleId}>{title}</title>
        <desc id={descId}>{summary}</desc>
        {bands.map((b) => (
          <rect
            key={b.band}
            className={`trend-chart__band trend-chart__band--${b.band}`}
            x={MARGIN.left}
            width={PLOT_W}
            y={y(b.to)}
            height={Math.max(0, y(b.from) - y(b.to))}
          />
        ))}
        {scale.ticks.map((tick) => (
          <g key={tick} className="trend-chart__tick">
            <line x1={MARGIN.left} x2={MARGIN.left + PLOT_W} y1={y(tick)} y2={y(tick)} />
            <text x={MARGIN.left - 6} y={y(tick)} dy="0.32em" textAnchor="end">
              {formatRate(tick)}
            </text>
          </g>
        ))}
        {scale.shown.map((l) => (
          <line
            key={l.kind}
            className={`trend-chart__threshold trend-line--${l.kind}`}
            x1={MARGIN.left}
            x2={MARGIN.left + PLOT_W}
            y1={y(l.value)}
            y2={y(l.value)}
          />
        ))}
        {line ? <path className="trend-chart__line" d={line} /> : null}
        {withValue.map((p) => (
          <circle key={p.from} className="trend-chart__point" cx={x(p.i)} cy={y(p.value)} r={withValue.length > 40 ? 2 : 3}>
            <title>{`${periodOf(p)}: ${formatRate(p.value)} (${countsLabel(t, p, rate.denominatorKind, formatCount)})`}</title>
          </circle>
        ))}
        {first && last ? (
          <g className="trend-chart__axis">
            <text x={MARGIN.left} y={HEIGHT - 6} textAnchor="start">
              {formatDay(first.from, 'short')}
            </text>
            {n > 1 ? (
              <text x={MARGIN.left + PLOT_W} y={HEIGHT - 6} textAnchor="end">
                {formatDay(last.to, 'short')}
              </text>
            ) : null}
          </g>
        ) : null}
        {withValue.length === 0 ? (
          <text className="trend-chart__empty" x={MARGIN.left + PLOT_W / 2} y={MARGIN.top + PLOT_H / 2} textAnchor="middle">
            {t('health.trend.noEmails')}
          </text>
        ) : null}
      </svg>
      <ul className="trend-legend" aria-label={t('health.trend.legend')}>
        <li>
          <LegendSwatch kind="data" />
          {name}
        </li>
        {scale.shown.map((l) => (
          <li key={l.kind}>
            <LegendSwatch kind={l.kind} />
            {thresholdLabel(t, l, rate.better)}
          </li>
        ))}
        {scale.offScale.map((l) => (
          <li key={l.kind} className="trend-legend__off">
            <LegendSwatch kind={l.kind} />
            {t('health.trend.offScale', { line: thresholdLabel(t, l, rate.better) })}
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="button button--quiet button--small trend-chart__toggle"
        aria-expanded={showTable}
        aria-controls={tableId}
        // The visible words name the action; the label adds which chart (six buttons share them).
        aria-label={showTable ? t('health.trend.hideTableFor', { rate: name }) : t('health.trend.showTableFor', { rate: name })}
        onClick={() => setShowTable((open) => !open)}
      >
        {showTable ? t('health.trend.hideTable') : t('health.trend.showTable')}
      </button>
      {/* It scrolls when long: focusable, so the keyboard can scroll it too. */}
      <div id={tableId} className="table-wrap trend-chart__table" hidden={!showTable} tabIndex={0} role="group" aria-label={title}>
        <table className="table table--compact">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <ColumnHeader>{granularity === 'day' ? t('health.trend.day') : t('health.trend.week')}</ColumnHeader>
              <ColumnHeader numeric>{name}</ColumnHeader>
              <ColumnHeader numeric>{t('health.trend.emails')}</ColumnHeader>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.from}>
                <th scope="row" className="cell--nowrap">
                  {periodOf(p)}
                </th>
                <td className="cell--numeric">{p.value === null ? '–' : formatRate(p.value)}</td>
                <td className="cell--numeric">
                  {p.denominator === 0
                    ? t('health.trend.noEmails')
                    : countsLabel(t, p, rate.denominatorKind, formatCount)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

function LegendSwatch({ kind }: { kind: ThresholdLine['kind'] | 'data' }) {
  return (
    <svg className="trend-legend__swatch" viewBox="0 0 24 8" aria-hidden="true" focusable="false">
      {kind === 'data' ? (
        <>
          <line className="trend-chart__line" x1="0" x2="24" y1="4" y2="4" />
          <circle className="trend-chart__point" cx="12" cy="4" r="3" />
        </>
      ) : (
        <line className={`trend-chart__threshold trend-line--${kind}`} x1="0" x2="24" y1="4" y2="4" />
      )}
    </svg>
  );
}

/** The three bands as areas of the chart, clipped to its range. */
function bandAreas(rate: HealthRate, max: number): Array<{ band: string; from: number; to: number }> {
  const { healthy, attention } = rate.bandEdges;
  const clip = (v: number) => Math.min(v, max);
  return rate.better === 'lower'
    ? [
        { band: 'healthy', from: 0, to: clip(healthy) },
        { band: 'room', from: clip(healthy), to: clip(attention) },
        { band: 'attention', from: clip(attention), to: max },
      ]
    : [
        { band: 'attention', from: 0, to: clip(attention) },
        { band: 'room', from: clip(attention), to: clip(healthy) },
        { band: 'healthy', from: clip(healthy), to: max },
      ];
}
