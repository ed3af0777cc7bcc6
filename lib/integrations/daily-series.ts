/** One UTC day of an integration's sync log: how many attempts succeeded and failed. */
export type DailyPoint = { day: string; success: number; failure: number };

/** A count of log rows for one UTC day (YYYY-MM-DD) and outcome, as the database groups them. */
export type DailyCount = { day: string; outcome: "success" | "failure"; count: number };

const DAY_MS = 86_400_000;

/** The first instant of the oldest day a `days`-long series ending today (UTC) covers. */
export function seriesStart(days: number, today: Date = new Date()): Date {
  const midnight = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return new Date(midnight - (days - 1) * DAY_MS);
}

/** Every day of the last `days` UTC days (oldest first, today last), zero where the log has nothing. */
export function buildDailySeries(counts: readonly DailyCount[], days = 30, today = new Date()): DailyPoint[] {
  const start = seriesStart(days, today).getTime();
  const points: DailyPoint[] = Array.from({ length: days }, (_, i) => ({
    day: new Date(start + i * DAY_MS).toISOString().slice(0, 10),
    success: 0,
    failure: 0,
  }));
  const byDay = new Map(points.map((p) => [p.day, p]));
  for (const c of counts) {
    const point = byDay.get(c.day);
    if (point) point[c.outcome] += c.count;
  }
  return points;
}

/** Totals over a series, for the chart's label. */
export function sumSeries(points: readonly DailyPoint[]): { success: number; failure: number } {
  return points.reduce((t, p) => ({ success: t.success + p.success, failure: t.failure + p.failure }), {
    success: 0,
    failure: 0,
  });
}
