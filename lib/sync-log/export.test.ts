import { describe, expect, it } from "vitest";
import { csvHeader, toCsvLine, toNdjsonLine } from "./export";

const row = {
  id: 7,
  createdAt: new Date("2026-04-11T14:32:00Z"),
  outcome: "failure" as const,
  status: 400,
  durationMs: 81,
  attempt: 2,
  userEmail: "anne@company.com",
  userName: "anne",
  activityName: 'GDPR "intro", part 1',
  completionDate: new Date("2026-04-11T14:00:00Z"),
  requestUrl: "https://hr.example.com/in",
  errorCode: "http_status",
  errorMessage: '=HYPERLINK("http://evil")',
  mappingVersion: 3,
  deliveryId: 12,
  deliveryState: "retrying" as const,
  runId: 4,
  requestHeaders: { "X-API-Key": "[redacted]" },
  requestBody: '{"a":1,\n"b":2}',
  responseBody: "bad",
  responseTruncated: false,
  errorDetail: "80CC10C2117F0000:error:0A00010B:SSL routines:ssl3_get_record:wrong version number",
  diagnosis: "payload_rejected" as const,
  diagnosisCause: "The receiver rejected the payload's format or content (HTTP 400).",
  diagnosisFix: "Open Test with user to see the payload and the receiver's answer side by side.",
};

describe("log export", () => {
  it("writes RFC 4180 CSV with quoting and defuses spreadsheet formulas", () => {
    expect(csvHeader().startsWith("\uFEFFid,createdAt,outcome,status")).toBe(true);
    const line = toCsvLine(row);
    expect(line).toContain('"GDPR ""intro"", part 1"');
    expect(line).toContain('"{""a"":1,\n""b"":2}"');
    expect(line).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(line.startsWith("7,2026-04-11T14:32:00.000Z,failure,400,81,2,anne@company.com")).toBe(true);
    expect(line.endsWith("\r\n")).toBe(true);
  });

  it("neutralises cells starting with + - @ TAB or CR, keeps numbers and accented names as they are", () => {
    const line = toCsvLine({
      ...row,
      userName: "\t=cmd|' /C calc'!A0",
      activityName: "\r+1",
      userEmail: "@SUM(1)",
      errorMessage: "-2+3",
      status: -1 as never,
      responseBody: "Åsa Ørsted-Ærø",
    });
    const cells = line.split(",");
    expect(line).toContain(`"'\t=cmd|' /C calc'!A0"`);
    expect(line).toContain(`"'\r+1"`);
    expect(line).toContain(`"'@SUM(1)"`);
    expect(line).toContain(`"'-2+3"`);
    expect(cells[3]).toBe("-1");
    expect(line).toContain("Åsa Ørsted-Ærø");
  });

  it("writes one JSON object per line with the redacted headers", () => {
    const line = toNdjsonLine(row);
    expect(line.endsWith("\n")).toBe(true);
    expect(JSON.parse(line)).toMatchObject({
      id: 7,
      requestHeaders: { "X-API-Key": "[redacted]" },
      errorDetail: expect.stringContaining("wrong version number"),
    });
  });
});
