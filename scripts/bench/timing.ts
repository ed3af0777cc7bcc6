// Percentiles of repeated calls, and the peak memory growth of this process while a piece of work runs.

export type Percentiles = { p50: number; p95: number; runs: number };

/**
 * p50 and p95 milliseconds of `f` after one warm-up call: `runs` calls, or fewer once `budgetMs` is spent (at least
 * three), so a slow baseline does not hold the run up.
 */
export async function percentilesMs(
  f: () => Promise<unknown>,
  runs = 20,
  budgetMs = 8_000,
): Promise<Percentiles> {
  await f();
  const ms: number[] = [];
  const start = performance.now();
  while (ms.length < runs && (ms.length < 3 || performance.now() - start < budgetMs)) {
    const t0 = performance.now();
    await f();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.ceil(q * ms.length) - 1)]!;
  return { p50: at(0.5), p95: at(0.95), runs: ms.length };
}

/** Runs `work` while sampling this process's RSS; returns its result and the peak growth in MB. */
export async function peakRssGrowthMb<T>(work: () => Promise<T>): Promise<{ result: T; growthMb: number }> {
  global.gc?.();
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, growthMb: (peak - start) / 1024 / 1024 };
  } finally {
    clearInterval(timer);
  }
}
