import { type DailyPoint, sumSeries } from "@/lib/integrations/daily-series";

const BAR = 4;
const GAP = 1;
const HEIGHT = 28;

/** Successes (green) and failures (red) per day as stacked bars; the label says the totals for screen readers. */
export function DailyChart({ points }: { points: DailyPoint[] }) {
  const totals = sumSeries(points);
  const max = Math.max(1, ...points.map((p) => p.success + p.failure));
  const width = points.length * (BAR + GAP) - GAP;
  const label = `Last ${points.length} days: ${totals.success} delivered, ${totals.failure} failed`;
  return (
    <svg
      role="img"
      aria-label={label}
      width={width}
      height={HEIGHT}
      viewBox={`0 0 ${width} ${HEIGHT}`}
      className="block overflow-visible"
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
          <g key={p.day}>
            <title>{`${p.day}: ${p.success} delivered, ${p.failure} failed`}</title>
            {isEmpty ? <rect x={x} y={HEIGHT - 1} width={BAR} height={1} className="fill-slate-200" /> : null}
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
  );
}
