/** One local day of an integration's sync log (in the viewer's time zone): attempts that succeeded and failed. */
export type DailyPoint = { day: string; success: number; failure: number };

/** A count of log rows for one local day (YYYY-MM-DD) and outcome, as the database groups them. */
export type DailyCount = { day: string; outcome: "success" | "failure"; count: number };

const DAY_MS = 86_400_000;

/** The calendar date (YYYY-MM-DD) an instant falls on in `timeZone`. */
export function localDay(instant: Date, timeZone = "UTC"): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(instant);
}

/** The last `days` calendar dates in `timeZone`, oldest first, today last. */
export function seriesDays(days: number, today: Date = new Date(), timeZone = "UTC"): string[] {
  const [y, m, d] = localDay(today, timeZone).split("-").map(Number) as [number, number, number];
  // Calendar arithmetic on the date alone: no day is skipped or doubled when the clocks change.
  const todayUtc = Date.UTC(y, m - 1, d);
  return Array.from({ length: days }, (_, i) =>
    new Date(todayUtc - (days - 1 - i) * DAY_MS).toISOString().slice(0, 10),
  );
}

/** Every day of the last `days` local days (oldest first, today last), zero where the log has nothing. */
export function buildDailySeries(
  counts: readonly DailyCount[],
  days = 30,
  today = new Date(),
  timeZone = "UTC",
): DailyPoint[] {
  const points: DailyPoint[] = seriesDays(days, today, timeZone).map((day) => ({
    day,
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
