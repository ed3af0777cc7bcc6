/** Every TanStack Query key of the app, so invalidation after a change hits exactly what it should. */
export const queryKeys = {
  integrations: ["integrations"] as const,
  integration: (id: string) => ["integrations", id] as const,
  signing: (id: string) => ["integrations", id, "signing"] as const,
  demoReceipts: ["demo-receipts"] as const,
  notifications: ["notifications"] as const,
  learnerSearch: (q: string) => ["learners", "search", q] as const,
  learnerCompletions: (userName: string) => ["learners", "completions", userName] as const,
  observedValues: (integrationId: string) => ["integrations", integrationId, "observed-values"] as const,
  /** A payload checked against the receiver's schema as saved in settings version `version`. */
  contractCheck: (integrationId: string, version: number, payloadJson: string) =>
    ["integrations", integrationId, "contract-check", version, payloadJson] as const,
};

/** Keys of the sync log, per integration and filter. */
export const logKeys = {
  list: (integrationId: string, filter: Record<string, string>) =>
    ["sync-log", integrationId, filter] as const,
  entry: (integrationId: string, entryId: number) => ["sync-log", integrationId, "entry", entryId] as const,
};

/** Keys of sync runs, per integration. */
export const runKeys = {
  list: (integrationId: string) => ["runs", integrationId] as const,
  run: (integrationId: string, runId: number) => ["runs", integrationId, runId] as const,
};

/** Keys of inbound sources and their logs. */
export const inboundKeys = {
  sources: ["inbound-sources"] as const,
  source: (id: string) => ["inbound-sources", id] as const,
  log: (sourceId: string, filter: Record<string, string>) => ["inbound-log", sourceId, filter] as const,
  entry: (sourceId: string, entryId: number) => ["inbound-log", sourceId, "entry", entryId] as const,
};
