import "server-only";
import dns from "node:dns";
import net, { type LookupFunction } from "node:net";
import { getSettings } from "../settings";
import { ADDRESS_BLOCKED } from "./classify-error";

// Ranges a production sync must never reach unless an operator allows them by name.
const BLOCKED: readonly { label: string; v4?: readonly string[]; v6?: readonly string[] }[] = [
  { label: "cloud metadata", v4: ["169.254.169.254/32", "100.100.100.200/32"], v6: ["fd00:ec2::254/128"] },
  { label: "loopback", v4: ["127.0.0.0/8"], v6: ["::1/128"] },
  { label: "private", v4: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"], v6: ["fc00::/7"] },
  { label: "link-local", v4: ["169.254.0.0/16"], v6: ["fe80::/10"] },
  { label: "multicast", v4: ["224.0.0.0/4"], v6: ["ff00::/8"] },
  {
    label: "reserved",
    v4: ["0.0.0.0/8", "100.64.0.0/10", "192.0.0.0/24", "198.18.0.0/15", "240.0.0.0/4"],
    // Unspecified, IPv4-compatible (deprecated), local-use NAT64, Teredo (its IPv4 is obfuscated), documentation.
    v6: ["::/96", "64:ff9b:1::/48", "2001::/32", "2001:db8::/32"],
  },
];

const LISTS = BLOCKED.map(({ label, v4 = [], v6 = [] }) => {
  const list = new net.BlockList();
  for (const cidr of v4) addSubnet(list, cidr, "ipv4");
  for (const cidr of v6) addSubnet(list, cidr, "ipv6");
  return { label, list };
});

function addSubnet(list: net.BlockList, cidr: string, family: "ipv4" | "ipv6") {
  const [address = "", prefix = ""] = cidr.split("/");
  list.addSubnet(address, Number(prefix), family);
}

/** The 16 bytes of an IPv6 address (with or without a trailing dotted quad); null when it is not one. */
function ipv6Bytes(ip: string): number[] | null {
  if (net.isIP(ip) !== 6) return null;
  let text = ip.toLowerCase().replace(/%.*$/, "");
  const quad = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (quad) {
    const [a, b, c, d] = quad.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, quad.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = [...left, ...Array(8 - left.length - right.length).fill("0"), ...right];
  return groups.flatMap((g) => {
    const n = Number.parseInt(g, 16);
    return [n >> 8, n & 0xff];
  });
}

const v4 = (b: number[], at: number) => b.slice(at, at + 4).join(".");

/**
 * The IPv4 address an IPv6 form carries: IPv4-mapped (::ffff:a.b.c.d), IPv4-translated (::ffff:0:a.b.c.d),
 * NAT64 (64:ff9b::a.b.c.d) and 6to4 (2002:aabb:ccdd::). A receiver reached this way is the IPv4 host.
 */
export function embeddedIPv4(ip: string): string | null {
  const b = ipv6Bytes(ip);
  if (!b) return null;
  const zeros = (from: number, to: number) => b.slice(from, to).every((x) => x === 0);
  if (zeros(0, 10) && b[10] === 0xff && b[11] === 0xff) return v4(b, 12);
  if (zeros(0, 8) && b[8] === 0xff && b[9] === 0xff && zeros(10, 12)) return v4(b, 12);
  if (b[0] === 0 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && zeros(4, 12)) return v4(b, 12);
  if (b[0] === 0x20 && b[1] === 0x02) return v4(b, 2);
  return null;
}

/** The kind of non-public address an IP is ("loopback", "private", ...), or null for a public one. */
export function blockedAddressKind(ip: string): string | null {
  const family = net.isIP(ip);
  if (family === 0) return null;
  const embedded = family === 6 ? embeddedIPv4(ip) : null;
  if (embedded) {
    const kind = blockedAddressKind(embedded);
    return kind ? `${kind} (IPv4 ${embedded} inside IPv6)` : null;
  }
  const type = family === 4 ? "ipv4" : "ipv6";
  return LISTS.find(({ list }) => list.check(ip, type))?.label ?? null;
}

type Policy = { isProduction: boolean; allowedPrivateHosts: readonly string[] };

function currentPolicy(): Policy {
  const s = getSettings();
  return { isProduction: s.isProduction, allowedPrivateHosts: s.allowedPrivateHosts };
}

function isAllowedHost(host: string, ip: string | undefined, policy: Policy): boolean {
  const names = [host.toLowerCase(), ip?.toLowerCase()].filter(Boolean);
  return policy.allowedPrivateHosts.some((entry) => names.includes(entry));
}

export type UrlCheck =
  | { ok: true; url: URL }
  | { ok: false; code: "config" | "production_refused"; reason: string; message: string };

/** Validates an endpoint URL against the production rules (also used when settings are saved). */
export function checkUrlAllowed(raw: string, policy: Policy = currentPolicy()): UrlCheck {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, code: "config", reason: "invalid_url", message: `"${raw}" is not a valid URL.` };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return { ok: false, code: "config", reason: "scheme", message: "The URL must start with https://." };
  }
  if (url.username || url.password) {
    return {
      ok: false,
      code: "config",
      reason: "credentials_in_url",
      message: "Put credentials in the authentication settings, not in the URL (URLs are logged).",
    };
  }
  if (!policy.isProduction) return { ok: true, url };
  if (url.protocol === "http:") {
    return {
      ok: false,
      code: "production_refused",
      reason: "http",
      message:
        "Production refuses plain http:// endpoints; completions contain personal data and must travel over https://.",
    };
  }
  const host = url.hostname.replace(/^\[|\]$/g, "");
  // Literal IPs skip DNS, so the connect-time guard never sees them: check them here. Names
  // (localhost included) are checked on every connection by guardedLookup, after resolution.
  const kind = net.isIP(host) ? blockedAddressKind(host) : null;
  if (kind && !isAllowedHost(host, host, policy)) return refusedAddress(host, host, kind);
  return { ok: true, url };
}

/**
 * checkUrlAllowed for a URL being saved, which also refuses localhost and its subdomains in production: they are
 * loopback by definition (RFC 6761), so every attempt would be refused at connect time (guardedLookup) and count
 * towards auto-disable. Allowed when ALLOWED_PRIVATE_HOSTS names the host or a loopback address.
 */
export function checkUrlForSave(raw: string, policy: Policy = currentPolicy()): UrlCheck {
  const check = checkUrlAllowed(raw, policy);
  if (!check.ok || !policy.isProduction) return check;
  const host = check.url.hostname;
  if (!/^(?:.+\.)?localhost\.?$/i.test(host)) return check;
  const allowed = isAllowedHost(host, "127.0.0.1", policy) || isAllowedHost(host, "::1", policy);
  return allowed ? check : refusedAddress(host, "127.0.0.1", "loopback");
}

function refusedAddress(host: string, ip: string, kind: string): UrlCheck & { ok: false } {
  const at = host === ip ? host : `${host} (${ip})`;
  return {
    ok: false,
    code: "production_refused",
    reason: "private_address",
    message: `Production refuses ${at}: it is a ${kind} address. An operator can allow it with ALLOWED_PRIVATE_HOSTS.`,
  };
}

/**
 * dns.lookup with the production address rules applied to every resolved address, used as the
 * connection pool's `connect.lookup` so a DNS answer that changes between checks cannot slip through.
 */
export const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, "", 4);
    const policy = currentPolicy();
    for (const { address } of addresses) {
      const refusal = checkResolvedAddress(hostname, address, policy);
      if (refusal)
        return callback(Object.assign(new Error(refusal.message), { code: ADDRESS_BLOCKED }), "", 4);
    }
    if (options.all)
      return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, addresses);
    const first = addresses[0];
    if (!first)
      return callback(Object.assign(new Error(`No address for ${hostname}`), { code: "ENOTFOUND" }), "", 4);
    callback(null, first.address, first.family);
  });
};

/** The production rules for one already-resolved address (Test connection's DNS stage). */
export function checkResolvedAddress(
  host: string,
  ip: string,
  policy: Policy = currentPolicy(),
): (UrlCheck & { ok: false }) | null {
  if (!policy.isProduction) return null;
  const kind = blockedAddressKind(ip);
  return kind && !isAllowedHost(host, ip, policy) ? refusedAddress(host, ip, kind) : null;
}
