import { describe, expect, it } from "vitest";
import { parseSettings } from "../settings";
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
