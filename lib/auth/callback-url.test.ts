import { describe, expect, it } from "vitest";
import { DEFAULT_AFTER_SIGN_IN, safeCallbackUrl } from "./callback-url";

describe("safeCallbackUrl", () => {
  it("keeps a path on this site, with its query and fragment", () => {
    expect(safeCallbackUrl("/integrations/abc/log?outcome=failure#top")).toBe(
      "/integrations/abc/log?outcome=failure#top",
    );
    expect(safeCallbackUrl("/")).toBe("/");
  });

  it.each([
    undefined,
    "",
    "https://evil.example/",
    "//evil.example/x",
    "/\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
  ])("sends %j to the default page, never to another site", (raw) => {
    expect(safeCallbackUrl(raw)).toBe(DEFAULT_AFTER_SIGN_IN);
  });
});
