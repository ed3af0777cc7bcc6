import { describe, expect, it } from "vitest";
import { toCurl } from "./curl";
import { REDACTED } from "./redact";

describe("toCurl", () => {
  it("renders a POST with headers and body, secrets masked", () => {
    const curl = toCurl(
      {
        method: "POST",
        url: "https://hr.example.com/api/completions",
        requestHeaders: { "Content-Type": "application/json", Authorization: "Bearer abc.def.ghi" },
        requestBody: { employeeId: "o'brien@company.com" },
      },
      { clientCert: true, customCa: true },
    );
    expect(curl).toBe(
      [
        "curl -i -X POST 'https://hr.example.com/api/completions'",
        "-H 'Content-Type: application/json'",
        `-H 'Authorization: Bearer ${REDACTED}'`,
        "--cert client-cert.pem --key client-key.pem",
        "--cacert ca-bundle.pem",
        `--data-raw '{"employeeId":"o'\\''brien@company.com"}'`,
      ].join(" \\\n  "),
    );
    expect(curl).not.toContain("abc.def.ghi");
  });

  it("renders a stored outcome (GET without body) and masks the integration's own secrets", () => {
    const curl = toCurl(
      {
        url: "https://x.test/",
        requestHeaders: { "X-Key": "key-123456" },
        requestBody: '{"note":"key-123456"}',
      },
      { settings: { auth: { headerName: "X-Key" }, secrets: { apiKey: "key-123456" } } },
    );
    expect(curl).not.toContain("key-123456");
    expect(curl).toContain("-X POST");
    expect(toCurl({ method: "GET", url: "https://x.test/", requestHeaders: {} })).toBe(
      "curl -i 'https://x.test/'",
    );
  });
});
