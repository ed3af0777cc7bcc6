import "server-only";
import { getSettings } from "@/lib/settings";

/** How an integration reaches the demo receiver: its URL, the header that carries the key, and the key. */
export type DemoReceiverAccess = { url: string; headerName: string; apiKey: string };

export const DEMO_RECEIVER_HEADER = "X-API-Key";

/**
 * The demo receiver's address and key, for pages that help an admin point a new integration at it; null in
 * production or when the launcher gave it no key (then the receiver answers 404 anyway). The key guards a
 * stand-in receiver of the demo only, so admins may see it; it is never a production secret.
 */
export function demoReceiverAccess(): DemoReceiverAccess | null {
  const settings = getSettings();
  if (settings.isProduction || !settings.DEMO_RECEIVER_API_KEY) return null;
  return {
    url: `${settings.appUrl}/api/demo-receiver`,
    headerName: DEMO_RECEIVER_HEADER,
    apiKey: settings.DEMO_RECEIVER_API_KEY,
  };
}
