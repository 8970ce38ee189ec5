import type { InboxForecast } from '../../../contract/forecast';
import { formatInteger } from '../../../i18n/format';
import { formatForecastDay } from '../format';

const WIDTH = 700;
const HEIGHT = 220;
const TOP = 16;
const BOTTOM = 36;
const SIDE = 8;

/**
 * The week as bars: what is scheduled each day up to the pause point, what is over it in the
 * danger colour, with the pause point and the daily limit as lines. Drawn with SVG in the
 * theme's colours; hidden from assistive technology, since the table beside it says the same.
 */
export function ForecastChart({ forecast }: { forecast: InboxForecast }) {
  const top = Math.max(forecast.dailyLimit, ...forecast.days.map((d) => d.scheduled)) * 1.08 || 1;
  const plot = HEIGHT - TOP - BOTTOM;
  const y = (v: number) => TOP + plot - (v / top) * plot;
  const slot = (WIDTH - 2 * SIDE) / forecast.days.length;
  const bar = Math.min(56, slot * 0.6);
  return (
    <svg className="forecast-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true" focusable="false">
      {forecast.days.map((day, i) => {
        const x = SIDE + i * slot + (slot - bar) / 2;
        const within = Math.min(day.scheduled, forecast.pauseAt);
        return (
          <g key={day.date} data-over={day.overflow > 0 || undefined}>
            <rect className="forecast-chart__bar" x={x} y={y(within)} width={bar} height={y(0) - y(within)} />
            {day.overflow > 0 ? (
              <rect className="forecast-chart__over" x={x} y={y(day.scheduled)} width={bar} height={y(within) - y(day.scheduled)} />
            ) : null}
            <text className="forecast-chart__value" x={x + bar / 2} y={y(day.scheduled) - 4} textAnchor="middle">
              {formatInteger(day.scheduled)}
            </text>
            <text className="forecast-chart__day" x={x + bar / 2} y={HEIGHT - 12} textAnchor="middle">
              {formatForecastDay(day.date, 'short')}
            </text>
          </g>
        );
      })}
      <line className="forecast-chart__pause" x1={SIDE} x2={WIDTH - SIDE} y1={y(forecast.pauseAt)} y2={y(forecast.pauseAt)} />
      <line className="forecast-chart__limit" x1={SIDE} x2={WIDTH - SIDE} y1={y(forecast.dailyLimit)} y2={y(forecast.dailyLimit)} />
      <line className="forecast-chart__axis" x1={SIDE} x2={WIDTH - SIDE} y1={y(0)} y2={y(0)} />
    </svg>
  );
}
