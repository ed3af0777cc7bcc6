import { describe, expect, it } from "vitest";
import { contentDisposition } from "@/lib/api/download";
import { csvHeader, toCsvLine } from "@/lib/sync-log/export";
import { downloadFileName, rowCounter } from "./download-stream";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("rowCounter", () => {
  it("counts CSV rows, not the line feeds inside quoted bodies, however the chunks fall", () => {
    const csv = `${csvHeader()}${toCsvLine({ id: 1, requestBody: '{"a":1,\n"b":"x\r\ny"}', responseBody: "<html>\n</html>" })}${toCsvLine({ id: 2, errorMessage: 'said "no"\nthen stopped' })}`;
    const whole = rowCounter("csv");
    expect(whole.add(bytes(csv))).toBe(2);
    // One byte at a time: the quote state carries across chunks.
    const piecewise = rowCounter("csv");
    let rows = 0;
    for (const b of bytes(csv)) rows = piecewise.add(Uint8Array.of(b));
    expect(rows).toBe(2);
  });

  it("counts every NDJSON line", () => {
    expect(rowCounter("ndjson").add(bytes('{"a":"x\\ny"}\n{"b":"\\"q"}\n'))).toBe(2);
  });
});

describe("downloadFileName", () => {
  it("takes the UTF-8 name the server sends, accents kept, and the ASCII one otherwise", () => {
    expect(downloadFileName(contentDisposition("HR système-sync-log.csv"), "x.csv")).toBe(
      "HR-système-sync-log.csv",
    );
    expect(downloadFileName('attachment; filename="hr.csv"', "x.csv")).toBe("hr.csv");
    expect(downloadFileName(null, "sync-log.csv")).toBe("sync-log.csv");
  });
});
