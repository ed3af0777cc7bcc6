// The log export's rows per second and this process's memory growth while it streams: the export as the route
// makes it (one cursor, a batch per chunk), beside the export as it was (pages of 500 by id, a chunk per row).
import { desc } from "drizzle-orm";
import type { DbHandle } from "../../db/client";
import { logDetailColumns, where, withLogJoins } from "../../db/queries/sync-log-read";
import { syncLog } from "../../db/schema";
import { streamedDownload } from "../../lib/api/download";
import { csvHeader, toCsvLine, toNdjsonLine } from "../../lib/sync-log/export";
import { logExportResponse } from "../../lib/sync-log/export-download";
import type { LogBenchData } from "./log-seed";
import { measureCpu, perUnit, postgresPids } from "./process-cpu";
import { peakRssGrowthMb } from "./timing";

/** Reads a download to its end; returns its bytes. */
async function drain(res: Response): Promise<number> {
  const reader = res.body!.getReader();
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return bytes;
    bytes += value.byteLength;
  }
}

/** The export before: pages of 500 entries by id through the query builder, one row per chunk. */
async function* pagesOf500(h: DbHandle, integrationId: string) {
  let beforeId: number | undefined;
  for (;;) {
    const page = await withLogJoins(h.db.select(logDetailColumns).from(syncLog).$dynamic())
      .where(where(integrationId, {}, beforeId))
      .orderBy(desc(syncLog.id))
      .limit(500);
    yield* page;
    if (page.length < 500) return;
    beforeId = page.at(-1)!.id;
  }
}

let dataDir = "";

async function measure(label: string, rows: number, download: () => Promise<Response>) {
  const t0 = performance.now();
  const { result, cpuMs } = await measureCpu(
    { web: () => [process.pid], postgres: () => postgresPids(dataDir) },
    () => peakRssGrowthMb(async () => drain(await download())),
  );
  const { result: bytes, growthMb } = result;
  const seconds = (performance.now() - t0) / 1000;
  const rate = rows / seconds;
  // CPU per row reads without the machine's other load: the web process and PostgreSQL work in parallel, so the
  // busier of the two sets the rate on idle cores.
  const busiest = Math.max(cpuMs.web!, cpuMs.postgres!) / rows;
  console.log(
    `  ${label.padEnd(44)} ${Math.round(rate).toLocaleString("en-US").padStart(8)} rows/s  ${(bytes / 1024 / 1024).toFixed(0).padStart(5)} MB in ${seconds.toFixed(1)} s, RSS +${growthMb.toFixed(0)} MB; CPU per row ${perUnit(cpuMs, rows).text} (≈ ${Math.round(1000 / busiest).toLocaleString("en-US")} rows/s on idle cores)`,
  );
  return rate;
}

export async function measureExports(
  h: DbHandle,
  d: LogBenchData,
  rowsA: number,
  pgDataDir: string,
): Promise<void> {
  dataDir = pgDataDir;
  const rowsB = Math.round(rowsA / 10);
  const a = { id: d.integrationA, name: "HR system" };
  console.log(`\nexport (this process streams it; RSS growth = peak minus start):`);
  const old = await measure(
    `baseline: CSV, pages of 500, ${rowsB.toLocaleString("en-US")} rows`,
    rowsB,
    async () =>
      streamedDownload({
        rows: pagesOf500(h, d.integrationB),
        format: "csv",
        fileName: "baseline",
        csvHeader: csvHeader(),
        toCsvLine: (row) => toCsvLine(row),
        toNdjsonLine,
      }),
  );
  const meta = await measure(`CSV metadata, ${rowsA.toLocaleString("en-US")} rows`, rowsA, () =>
    logExportResponse(h.db, a, { format: "csv", columns: "metadata" }),
  );
  // With bodies on the second integration, so the default run stays near ten minutes; the rate does not depend on it.
  const all = await measure(`CSV with bodies, ${rowsB.toLocaleString("en-US")} rows`, rowsB, () =>
    logExportResponse(h.db, { id: d.integrationB, name: "B" }, { format: "csv", columns: "all" }),
  );
  await measure(`NDJSON, ${rowsB.toLocaleString("en-US")} rows`, rowsB, () =>
    logExportResponse(h.db, { id: d.integrationB, name: "B" }, { format: "ndjson", columns: "all" }),
  );
  console.log(
    `  ratio to the baseline: metadata ${(meta / old).toFixed(1)}×, with bodies ${(all / old).toFixed(1)}× (targets ≥ 50,000 and ≥ 20,000 rows/s)`,
  );
}
