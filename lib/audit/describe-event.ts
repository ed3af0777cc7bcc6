// An audit event in people's words: what happened and which settings changed from what to what. Secrets are
// named, never shown (the diff never holds them: see record-audit.ts).

import { settingLabel } from "@/lib/integrations/conflict";

export type AuditChange = { field: string; label: string; old: unknown; new: unknown };
export type DescribedEvent = { summary: string; changes: AuditChange[]; secretsChanged: string[] };

type Diff = { old?: unknown; new?: unknown; secretsChanged?: string[] };

const SUMMARY: Record<string, string> = {
  "integration.create": "Created the integration",
  "integration.update": "Changed settings",
  "integration.mapping_save": "Saved the payload mapping",
  "integration.enable": "Enabled the integration",
  "integration.pause": "Paused the integration",
  "integration.auto_disable": "Disabled the integration automatically: too many failures in a row",
  "integration.gone_pause": "Paused the integration: the receiver answered 410 Gone",
  "integration.run": "Asked for a run now",
  "integration.delete": "Deleted the integration",
  "integration.import": "Created the integration from an exported file",
  "integration.export": "Exported the integration as a file (no secrets)",
  "integration.signing_enable": "Turned on request signing (a new signing secret)",
  "integration.signing_rotate": "Rotated the signing secret",
  "integration.signing_disable": "Turned off request signing",
  "delivery.resend": "Resent a delivery",
  "delivery.skip": "Skipped a delivery",
  "delivery.resend_failed": "Resent all failed deliveries",
  "delivery.backfill": "Sent completions again (backfill)",
};

const asRecord = (v: unknown): Record<string, unknown> =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** Which mapping keys a mapping save added, removed or changed. */
function mappingChanges(oldEntries: unknown, newEntries: unknown): AuditChange[] {
  const byKey = (entries: unknown) =>
    new Map(
      (Array.isArray(entries) ? entries : []).map(
        (e) => [String(asRecord(e).key), JSON.stringify(e)] as const,
      ),
    );
  const before = byKey(oldEntries);
  const after = byKey(newEntries);
  const keys = [...new Set([...before.keys(), ...after.keys()])];
  return keys.flatMap((key) =>
    before.get(key) === after.get(key)
      ? []
      : [
          {
            field: `mapping.${key}`,
            label: `mapping key ${key}`,
            old: before.get(key) ?? null,
            new: after.get(key) ?? null,
          },
        ],
  );
}

/** What an audit event did, with a field-level diff of settings or mapping. */
export function describeEvent(action: string, diff: Diff, affected?: unknown): DescribedEvent {
  const oldValues = asRecord(diff.old);
  const newValues = asRecord(diff.new);
  const secretsChanged = diff.secretsChanged ?? [];
  let changes: AuditChange[] = [];
  if (action === "integration.update") {
    changes = Object.keys(newValues)
      .filter((k) => k !== "version" && JSON.stringify(oldValues[k]) !== JSON.stringify(newValues[k]))
      .map((k) => ({
        field: k,
        label: settingLabel(k),
        old: oldValues[k] ?? null,
        new: newValues[k] ?? null,
      }));
  } else if (action === "integration.mapping_save") {
    changes = mappingChanges(oldValues.entries, newValues.entries);
  } else if (
    action === "integration.enable" ||
    action === "integration.pause" ||
    action === "integration.auto_disable" ||
    action === "integration.gone_pause"
  ) {
    changes = [
      { field: "status", label: "status", old: oldValues.status ?? null, new: newValues.status ?? null },
    ];
  } else if (action === "delivery.resend" || action === "delivery.skip") {
    changes = [
      { field: "state", label: "delivery state", old: oldValues.state ?? null, new: newValues.state ?? null },
    ];
  }
  const base = SUMMARY[action] ?? action;
  const count = typeof newValues.affected === "number" ? newValues.affected : affected;
  const summary =
    action === "integration.mapping_save"
      ? `${base}: version ${String(oldValues.version)} → ${String(newValues.version)}`
      : typeof count === "number"
        ? `${base}: ${count} deliver${count === 1 ? "y" : "ies"}${newValues.since ? ` since ${String(newValues.since)}` : ""}`
        : base;
  return { summary, changes, secretsChanged };
}
