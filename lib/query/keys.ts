/** Every TanStack Query key of the app, so invalidation after a change hits exactly what it should. */
export const queryKeys = {
  integrations: ["integrations"] as const,
  integration: (id: string) => ["integrations", id] as const,
  demoReceipts: ["demo-receipts"] as const,
  notifications: ["notifications"] as const,
};
