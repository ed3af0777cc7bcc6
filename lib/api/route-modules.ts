// Every API route module, in one static list: the OpenAPI document reads the contracts their handlers carry.
// A test walks app/api and fails when a route file, or a method it exports, is missing here.

import * as certificatesInspect from "@/app/api/certificates/inspect/route";
import * as completionCount from "@/app/api/completions/count/route";
import * as demoReceipts from "@/app/api/demo-receiver/receipts/route";
import * as demoReceiver from "@/app/api/demo-receiver/route";
import * as fields from "@/app/api/fields/route";
import * as health from "@/app/api/health/route";
import * as inbound from "@/app/api/inbound/[sourceId]/route";
import * as inboundLogEntry from "@/app/api/inbound-sources/[id]/log/[entryId]/route";
import * as inboundLogExport from "@/app/api/inbound-sources/[id]/log/export/route";
import * as inboundLog from "@/app/api/inbound-sources/[id]/log/route";
import * as inboundRotate from "@/app/api/inbound-sources/[id]/rotate/route";
import * as inboundSource from "@/app/api/inbound-sources/[id]/route";
import * as inboundSources from "@/app/api/inbound-sources/route";
import * as backfill from "@/app/api/integrations/[id]/backfill/route";
import * as contractCheck from "@/app/api/integrations/[id]/contract/check/route";
import * as resend from "@/app/api/integrations/[id]/deliveries/[deliveryId]/resend/route";
import * as deliveryTimeline from "@/app/api/integrations/[id]/deliveries/[deliveryId]/route";
import * as skip from "@/app/api/integrations/[id]/deliveries/[deliveryId]/skip/route";
import * as resendFailed from "@/app/api/integrations/[id]/deliveries/resend-failed/route";
import * as deliveries from "@/app/api/integrations/[id]/deliveries/route";
import * as enable from "@/app/api/integrations/[id]/enable/route";
import * as exportIntegration from "@/app/api/integrations/[id]/export/route";
import * as handout from "@/app/api/integrations/[id]/handout/route";
import * as handoutStarter from "@/app/api/integrations/[id]/handout/starter/route";
import * as history from "@/app/api/integrations/[id]/history/route";
import * as logEntry from "@/app/api/integrations/[id]/log/[entryId]/route";
import * as logExport from "@/app/api/integrations/[id]/log/export/route";
import * as log from "@/app/api/integrations/[id]/log/route";
import * as mapping from "@/app/api/integrations/[id]/mapping/route";
import * as pause from "@/app/api/integrations/[id]/pause/route";
import * as preview from "@/app/api/integrations/[id]/preview/route";
import * as integration from "@/app/api/integrations/[id]/route";
import * as run from "@/app/api/integrations/[id]/run/route";
import * as syncRun from "@/app/api/integrations/[id]/runs/[runId]/route";
import * as syncRuns from "@/app/api/integrations/[id]/runs/route";
import * as signingRotate from "@/app/api/integrations/[id]/signing/rotate/route";
import * as signing from "@/app/api/integrations/[id]/signing/route";
import * as testConnection from "@/app/api/integrations/[id]/test-connection/route";
import * as testUser from "@/app/api/integrations/[id]/test-user/route";
import * as importIntegration from "@/app/api/integrations/import/route";
import * as integrations from "@/app/api/integrations/route";
import * as learnerCompletions from "@/app/api/learners/[userName]/completions/route";
import * as learners from "@/app/api/learners/route";
import * as notificationRead from "@/app/api/notifications/[id]/read/route";
import * as notificationsRead from "@/app/api/notifications/read/route";
import * as notifications from "@/app/api/notifications/route";
import packageJson from "../../package.json" with { type: "json" };
import { HTTP_METHODS, type RouteContract } from "./contract";
import { buildOpenApi } from "./openapi";
import { openApiContract } from "./openapi-contract";

const MODULES: Record<string, unknown>[] = [
  certificatesInspect,
  completionCount,
  demoReceiver,
  demoReceipts,
  fields,
  health,
  inbound,
  inboundSources,
  inboundSource,
  inboundRotate,
  inboundLog,
  inboundLogEntry,
  inboundLogExport,
  integrations,
  integration,
  backfill,
  contractCheck,
  resend,
  skip,
  deliveryTimeline,
  resendFailed,
  deliveries,
  enable,
  pause,
  history,
  log,
  logEntry,
  logExport,
  mapping,
  preview,
  run,
  syncRuns,
  syncRun,
  signing,
  signingRotate,
  exportIntegration,
  handout,
  handoutStarter,
  importIntegration,
  testConnection,
  testUser,
  learners,
  learnerCompletions,
  notifications,
  notificationRead,
  notificationsRead,
];

/** Every route's contract; /api/openapi.json's own comes from its module, which imports this one. */
export const API_CONTRACTS: readonly RouteContract[] = [
  ...MODULES.flatMap((m) =>
    HTTP_METHODS.flatMap((method) => {
      const contract = (m[method] as { contract?: RouteContract } | undefined)?.contract;
      return contract ? [contract] : [];
    }),
  ),
  openApiContract,
];

/** The OpenAPI document of this API, as /api/openapi.json serves it and the API page shows it. */
export function apiDocument() {
  return buildOpenApi(packageJson.version, API_CONTRACTS);
}
