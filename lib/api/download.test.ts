import { describe, expect, it } from "vitest";
import { contentDisposition } from "./download";

describe("contentDisposition", () => {
  it("names the file in ASCII for old clients and as it is (UTF-8) for the others", () => {
    expect(contentDisposition("HR système-sync-log-2026-12-02.csv")).toBe(
      "attachment; filename=\"hr-systeme-sync-log-2026-12-02.csv\"; filename*=UTF-8''HR-syst%C3%A8me-sync-log-2026-12-02.csv",
    );
  });

  it("keeps quotes, slashes and header syntax out of both names", () => {
    const header = contentDisposition('a"b/c\\d;e\r\nX: y (1).csv');
    expect(header).not.toMatch(/[\r\n]/);
    const [, ascii] = /filename="([^"]*)"/.exec(header)!;
    expect(ascii).toBe("a-b-c-d-e-x-y-1-.csv");
    expect(header.split("filename*=UTF-8''")[1]).toMatch(/^[A-Za-z0-9%._~!*-]+$/);
  });
});
