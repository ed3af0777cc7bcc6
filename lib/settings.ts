import { z } from "zod";
import { parseOutboundIps } from "./delivery/outbound-ips";
import { SYNC_DEFAULTS } from "./sync/model";

/** Every environment variable the app reads, validated once. Defaults match `.env.example`. */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  // `next start` always sets NODE_ENV=production, so the demo launcher says APP_ENV=demo to keep demo rules.
  APP_ENV: z.enum(["production", "demo", "development", "test"]).optional(),
  DATABASE_URL: z.string().url().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // The address the web server listens on; `npm start` (the demo) uses 127.0.0.1 unless this says otherwise.
  HOST: z.string().min(1).optional(),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  DATA_DIR: z.string().default(".data"),
  APP_URL: z.string().url().optional(),
  APP_SECRET_KEY: z.string().optional(),
  APP_SECRET_KEYS_PREVIOUS: z.string().default(""),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  SMTP_URL: z.string().optional(),
  SMTP_FROM: z.string().default("LMS Sync <lms-sync@localhost>"),
  ALLOWED_PRIVATE_HOSTS: z.string().default(""),
  // The deployment's egress addresses (IPv4, IPv6, CIDR; comma-separated), named to the receiver's IT.
  OUTBOUND_IPS: z
    .string()
    .default("")
    .superRefine((text, ctx) => {
      const parsed = parseOutboundIps(text);
      if (!parsed.ok) ctx.addIssue({ code: "custom", message: parsed.error });
    }),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  // Extra time a claimed delivery stays leased beyond its attempts' timeouts before another worker may take it.
  SYNC_LEASE_MARGIN_MS: z.coerce.number().int().min(0).default(SYNC_DEFAULTS.leaseMarginMs),
  // Days the sync log keeps its rows; the worker deletes older ones each night. 0 keeps everything.
  SYNC_LOG_RETENTION_DAYS: z.coerce.number().int().min(0).max(36_500).default(0),
  DEMO_RECEIVER_API_KEY: z.string().min(16).optional(),
  // A browser session ends after this many minutes without a request, and after SESSION_MAX_HOURS in any case.
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(60),
  SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  // Production refuses an http:// APP_URL unless TLS ends at a proxy in front of the app (then say so here).
  BEHIND_TLS_PROXY: z.enum(["true", "false"]).default("false"),
});

export type Settings = z.infer<typeof envSchema> & {
  isProduction: boolean;
  appUrl: string;
  allowedPrivateHosts: string[];
  /** OUTBOUND_IPS as a list; empty when the operator has not said. */
  outboundIps: string[];
};

/** Parses an environment into settings; throws with every problem listed (a bug in deployment, not input). */
export function parseSettings(env: Record<string, string | undefined>): Settings {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  const s = result.data;
  return {
    ...s,
    isProduction: (s.APP_ENV ?? s.NODE_ENV) === "production",
    appUrl: s.APP_URL ?? `http://localhost:${s.PORT}`,
    allowedPrivateHosts: s.ALLOWED_PRIVATE_HOSTS.split(",")
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
    outboundIps: s.OUTBOUND_IPS.split(",")
      .map((ip) => ip.trim())
      .filter(Boolean),
  };
}

/**
 * Why production must not start with these settings, or null: sign-in cookies and credentials would cross the
 * network in the clear behind an http:// APP_URL (or NEXTAUTH_URL), unless TLS ends at a proxy in front.
 */
export function productionStartProblem(env: Record<string, string | undefined>): string | null {
  const s = parseSettings(env);
  if (!s.isProduction || s.BEHIND_TLS_PROXY === "true") return null;
  const plain = [
    ["APP_URL", s.appUrl],
    ["NEXTAUTH_URL", env.NEXTAUTH_URL],
  ].find(([, url]) => url?.startsWith("http://"));
  return plain
    ? `${plain[0]} is ${plain[1]}: production needs an https:// address (or BEHIND_TLS_PROXY=true when TLS ends at a proxy in front of LMS Sync)`
    : null;
}

let cached: Settings | undefined;

/** The process's settings, read from `process.env` on first use (not at import, so `next build` needs none). */
export function getSettings(): Settings {
  cached ??= parseSettings(process.env);
  return cached;
}

/** Tests change the environment between cases; this drops the cached copy. */
export function resetSettingsCache(): void {
  cached = undefined;
}
