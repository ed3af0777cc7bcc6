import { afterEach, describe, expect, it } from "vitest";
import { parseSettings, resetSettingsCache } from "../settings";
import { diagnose } from "./diagnose";
import { allowListRequest, parseOutboundIps } from "./outbound-ips";

describe("OUTBOUND_IPS", () => {
  it("takes IPv4, IPv6 and CIDR ranges, comma-separated with spaces", () => {
    const s = parseSettings({
      OUTBOUND_IPS: "203.0.113.10, 203.0.113.11 ,2001:db8::1, 198.51.100.0/24,2001:db8::/48",
    });
    expect(s.outboundIps).toEqual([
      "203.0.113.10",
      "203.0.113.11",
      "2001:db8::1",
      "198.51.100.0/24",
      "2001:db8::/48",
    ]);
  });

  it("is an empty list when unset or blank", () => {
    expect(parseSettings({}).outboundIps).toEqual([]);
    expect(parseSettings({ OUTBOUND_IPS: "  " }).outboundIps).toEqual([]);
  });

  it("refuses to start on a bad entry, naming its place and text", () => {
    expect(() => parseSettings({ OUTBOUND_IPS: "203.0.113.10,203.0.113.300" })).toThrow(
      /OUTBOUND_IPS: the 2nd entry "203\.0\.113\.300" is not an IPv4 or IPv6 address or CIDR range/,
    );
    expect(parseOutboundIps("10.0.0.0/33")).toEqual({
      ok: false,
      error: 'the 1st entry "10.0.0.0/33" has a prefix length that is not 0–32 (after the /)',
    });
    expect(parseOutboundIps("2001:db8::/129").ok).toBe(false);
    expect(parseOutboundIps("203.0.113.10,,203.0.113.11")).toMatchObject({ error: /2nd entry "" is empty/ });
    expect(parseOutboundIps("lms.example.com").ok).toBe(false);
    expect(parseOutboundIps("10.0.0.1/8/9").ok).toBe(false);
  });

  it("says what to ask IT, with the addresses when they are known", () => {
    expect(allowListRequest(["203.0.113.10", "203.0.113.11"])).toBe(
      "ask the receiving system's IT to allow 203.0.113.10 and 203.0.113.11",
    );
    expect(allowListRequest(["a", "b", "c"])).toMatch(/allow a, b and c$/);
    expect(allowListRequest([])).toMatch(/this server's outbound IP address/);
  });
});

describe("the timeout and 403 diagnoses", () => {
  afterEach(() => {
    delete process.env.OUTBOUND_IPS;
    resetSettingsCache();
  });
  const timeout = () =>
    diagnose({ status: null, failure: { code: "timeout", message: "" }, timeoutMs: 5000 });
  const forbidden = () => diagnose({ status: 403, authType: "api_key", method: "POST" });

  it("name the addresses to allow when OUTBOUND_IPS lists them", () => {
    process.env.OUTBOUND_IPS = "203.0.113.10,203.0.113.11";
    resetSettingsCache();
    expect(timeout()?.fix).toBe(
      "Ask the receiving system's IT to allow 203.0.113.10 and 203.0.113.11, and to check the endpoint's response time; raise the timeout if it is just slow.",
    );
    expect(forbidden()?.fix).toMatch(
      /if they keep an IP allow-list, to allow 203\.0\.113\.10 and 203\.0\.113\.11\.$/,
    );
    // The cause is not touched: it still says what happened.
    expect(timeout()?.cause).toMatch(/did not answer within 5 s/);
  });

  it("point to OUTBOUND_IPS when it is unset", () => {
    expect(timeout()?.fix).toMatch(
      /allow this server's outbound IP address \(the operator can list it in OUTBOUND_IPS\)/,
    );
    expect(forbidden()?.fix).not.toMatch(/203\./);
  });
});
