import type { MappingEntry } from "@/lib/mapping";

// The mapping editor keeps its unsaved mapping here (per browser tab), so "Test with user" can use it before saving.
const key = (integrationId: string) => `lms-sync:mapping-draft:${integrationId}`;

export function saveMappingDraft(integrationId: string, entries: MappingEntry[]): void {
  if (typeof sessionStorage === "undefined") return;
  sessionStorage.setItem(key(integrationId), JSON.stringify(entries));
}

export function loadMappingDraft(integrationId: string): MappingEntry[] | null {
  if (typeof sessionStorage === "undefined") return null;
  const raw = sessionStorage.getItem(key(integrationId));
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw);
    return Array.isArray(parsed) ? (parsed as MappingEntry[]) : null;
  } catch {
    return null;
  }
}

export function clearMappingDraft(integrationId: string): void {
  if (typeof sessionStorage !== "undefined") sessionStorage.removeItem(key(integrationId));
}
