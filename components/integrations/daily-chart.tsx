"use client";

import { type KeyboardEvent, type PointerEvent, useState } from "react";
import { formatDay } from "@/lib/format";
import { type DailyPoint, sumSeries } from "@/lib/integrations/daily-series";

const BAR = 4;
const GAP = 1;
const HEIGHT = 28;

/** A calendar day of the series ("2026-11-29") as the viewer writes it; the day is already local, so no shift. */
const dayText = (day: string) => formatDay(`${day}T12:00:00Z`, { timeZone: "UTC" });

const dayLine = (p: DailyPoint) => `${dayText(p.day)}: ${p.success} delivered, ${p.failure} failed`;

/**
 * Successes (green) and failures (red) per day as stacked bars, with the scale (the busiest day) beside them. A day's
 * counts show on hover, and on keyboard focus: Tab to the chart, arrows move between days, Home/End jump.
 */
export function DailyChart({ points }: { points: DailyPoint[] }) {
  const [active, setActive] = useState<number | null>(null);
  const totals = sumSeries(points);
  const max = Math.max(1, ...points.map((p) => p.success + p.failure));
  const width = points.length * (BAR + GAP) - GAP;
  const label = `Last ${points.length} days: ${totals.success} delivered, ${totals.failure} failed`;
  const shown = active === null ? null : points[active];

  const onKeyDown = (e: KeyboardEvent) => {
    const last = points.length - 1;
    const moves: Record<string, number> = {
      ArrowLeft: Math.max(0, (active ?? last) - 1),
      ArrowRight: Math.min(last, (active ?? last - 1) + 1),
      Home: 0,
      End: last,
    };
    if (!(e.key in moves)) return;
    e.preventDefault();
    setActive(moves[e.key]!);
  };

  // The whole column under the pointer, not only its bars.
  const pointAt = (e: PointerEvent<SVGSVGElement>) => {
    const x = e.clientX - e.currentTarget.getBoundingClientRect().left;
    setActive(Math.min(points.length - 1, Math.max(0, Math.floor(x / (BAR + GAP)))));
  };

  return (
    <div className="w-fit">
      <div className="flex items-stretch gap-1">
        <div
          className="flex flex-col justify-between text-right text-[10px] leading-none text-ink-600 tabular-nums"
          aria-hidden="true"
        >
          <span>{max}</span>
          <span>0</span>
        </div>
        <svg
          role="img"
          aria-label={label}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: the chart is explored by keyboard (arrows pick a day)
          tabIndex={0}
          onKeyDown={onKeyDown}
          onFocus={() => setActive((a) => a ?? points.length - 1)}
          onBlur={() => setActive(null)}
          onPointerLeave={() => setActive(null)}
          onPointerEnter={pointAt}
          onPointerMove={pointAt}
          width={width}
          height={HEIGHT}
          viewBox={`0 0 ${width} ${HEIGHT}`}
          className="block overflow-visible rounded-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
          data-testid="daily-chart"
        >
          <title>{label}</title>
          {points.map((p, i) => {
            const x = i * (BAR + GAP);
            // A day with one failure among hundreds of successes still shows a sliver of red.
            const ok = p.success > 0 ? Math.max(2, (p.success / max) * HEIGHT) : 0;
            const failed = p.failure > 0 ? Math.max(2, (p.failure / max) * HEIGHT) : 0;
            const isEmpty = p.success + p.failure === 0;
            return (
              <g key={p.day} opacity={active === null || active === i ? 1 : 0.45}>
                {isEmpty ? (
                  <rect x={x} y={HEIGHT - 1} width={BAR} height={1} className="fill-ink-200" />
                ) : null}
                {ok > 0 ? (
                  <rect x={x} y={HEIGHT - ok} width={BAR} height={ok} rx={1} className="fill-emerald-500" />
                ) : null}
                {failed > 0 ? (
                  <rect
                    x={x}
                    y={Math.max(0, HEIGHT - ok - failed)}
                    width={BAR}
                    height={failed}
                    rx={1}
                    className="fill-red-500"
                  />
                ) : null}
              </g>
            );
          })}
        </svg>
      </div>
      <p className="mt-1 min-h-8 w-44 text-xs text-ink-600" aria-live="polite" data-testid="chart-day">
        {shown
          ? dayLine(shown)
          : totals.success + totals.failure === 0
            ? "no attempts yet"
            : `busiest day: ${max}`}
      </p>
    </div>
  );
}
