import { describe, expect, it } from "vitest";
import { blockedAddressKind, checkResolvedAddress, checkUrlAllowed, checkUrlForSave } from "./address-policy";

const production = { isProduction: true, allowedPrivateHosts: [] };
const development = { isProduction: false, allowedPrivateHosts: [] };

describe("blockedAddressKind", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["::1", "loopback"],
    ["10.1.2.3", "private"],
    ["172.20.0.1", "private"],
    ["192.168.1.1", "private"],
    ["fd12::1", "private"],
    ["169.254.169.254", "cloud metadata"],
    ["169.254.10.1", "link-local"],
    ["fe80::1", "link-local"],
    ["224.0.0.1", "multicast"],
    ["ff02::1", "multicast"],
    ["0.0.0.0", "reserved"],
    ["100.64.0.1", "reserved"],
    ["::ffff:127.0.0.1", "loopback (IPv4 127.0.0.1 inside IPv6)"],
    ["::ffff:10.0.0.1", "private (IPv4 10.0.0.1 inside IPv6)"],
    ["::127.0.0.1", "reserved"],
    ["::7f00:1", "reserved"],
    ["::ffff:0:7f00:1", "loopback (IPv4 127.0.0.1 inside IPv6)"],
    ["::ffff:0:192.168.0.1", "private (IPv4 192.168.0.1 inside IPv6)"],
    ["2002:7f00:1::", "loopback (IPv4 127.0.0.1 inside IPv6)"],
    ["2002:a00:1::1", "private (IPv4 10.0.0.1 inside IPv6)"],
    ["64:ff9b::10.0.0.1", "private (IPv4 10.0.0.1 inside IPv6)"],
    ["64:ff9b::7f00:1", "loopback (IPv4 127.0.0.1 inside IPv6)"],
    ["64:ff9b:1::8.8.8.8", "reserved"],
    ["2001:0:4136:e378:8000:63bf:3fff:fdd2", "reserved"],
  ])("%s is %s", (ip, kind) => {
    expect(blockedAddressKind(ip)).toBe(kind);
  });

  it.each([
    "8.8.8.8",
    "172.32.0.1",
    "2606:4700::1111",
    "::ffff:8.8.8.8",
    "2002:808:808::1",
    "64:ff9b::8.8.8.8",
  ])("%s is public", (ip) => {
    expect(blockedAddressKind(ip)).toBeNull();
  });
});

describe("checkUrlAllowed", () => {
  it("outside production allows http and private hosts", () => {
    expect(checkUrlAllowed("http://127.0.0.1:8080/x", development).ok).toBe(true);
  });

  it("in production refuses http:// with a message", () => {
    const result = checkUrlAllowed("http://hr.example.com/api", production);
    expect(result).toMatchObject({ ok: false, code: "production_refused", reason: "http" });
    if (!result.ok) expect(result.message).toMatch(/https:\/\//);
  });

  it("in production refuses literal private addresses and localhost unless allowed", () => {
    expect(checkUrlAllowed("https://10.0.0.5/api", production)).toMatchObject({
      ok: false,
      reason: "private_address",
    });
    expect(checkUrlAllowed("https://[::1]:8443/api", production)).toMatchObject({
      ok: false,
      reason: "private_address",
    });
    for (const url of [
      "https://[::127.0.0.1]/api",
      "https://[::ffff:0:7f00:1]/api",
      "https://[2002:7f00:1::]/api",
      "https://[::ffff:127.0.0.1]/api",
      "https://[64:ff9b::a00:1]/api",
    ]) {
      expect(checkUrlAllowed(url, production), url).toMatchObject({ ok: false, reason: "private_address" });
    }
    const allowed = { isProduction: true, allowedPrivateHosts: ["10.0.0.5", "localhost"] };
    expect(checkUrlAllowed("https://10.0.0.5/api", allowed).ok).toBe(true);
    expect(checkUrlAllowed("https://localhost/api", allowed).ok).toBe(true);
    expect(checkUrlAllowed("https://hr.example.com/api", production).ok).toBe(true);
  });

  it("refuses unusable URLs everywhere", () => {
    expect(checkUrlAllowed("not a url", development)).toMatchObject({ ok: false, code: "config" });
    expect(checkUrlAllowed("ftp://x.example.com/", development)).toMatchObject({ ok: false, code: "config" });
    expect(checkUrlAllowed("https://user:pw@x.example.com/", development)).toMatchObject({
      ok: false,
      code: "config",
    });
  });
});

describe("checkUrlForSave", () => {
  it("in production also refuses localhost names (loopback by definition), unless allowed by name or address", () => {
    for (const url of ["https://localhost/in", "https://LOCALHOST:8443/in", "https://hr.localhost/in"]) {
      expect(checkUrlForSave(url, production), url).toMatchObject({ ok: false, reason: "private_address" });
      expect(checkUrlAllowed(url, production).ok, url).toBe(true); // at connect time, guardedLookup refuses it
      expect(checkUrlForSave(url, development).ok, url).toBe(true);
    }
    expect(checkUrlForSave("https://localhost.example.com/in", production).ok).toBe(true);
    expect(checkUrlForSave("http://localhost/in", production)).toMatchObject({ ok: false, reason: "http" });
    for (const hosts of [["localhost"], ["127.0.0.1"], ["::1"]]) {
      const policy = { isProduction: true, allowedPrivateHosts: hosts };
      expect(checkUrlForSave("https://localhost/in", policy).ok, hosts[0]).toBe(true);
    }
  });
});

describe("checkResolvedAddress", () => {
  it("refuses a name that resolves to a private address, unless the name or the IP is allowed", () => {
    expect(checkResolvedAddress("hr.example.com", "10.0.0.7", production)?.message).toMatch(
      /hr\.example\.com \(10\.0\.0\.7\)/,
    );
    expect(
      checkResolvedAddress("hr.example.com", "10.0.0.7", {
        ...production,
        allowedPrivateHosts: ["hr.example.com"],
      }),
    ).toBeNull();
    expect(
      checkResolvedAddress("hr.example.com", "10.0.0.7", {
        ...production,
        allowedPrivateHosts: ["10.0.0.7"],
      }),
    ).toBeNull();
    expect(checkResolvedAddress("hr.example.com", "10.0.0.7", development)).toBeNull();
    expect(checkResolvedAddress("hr.example.com", "93.184.216.34", production)).toBeNull();
  });
});
