// Example data the route contracts share; each route's example is checked against its own schemas by a test.

import { schemaFromMapping } from "@/lib/contract/generate-schema";
import type { IntegrationOutput } from "@/lib/integrations/schemas";
import { type LearnerOutput, type LearnerRecord, learnerRecordOutputSchema } from "@/lib/learners/schemas";
import { buildPayload, type MappingEntry, tracePayload } from "@/lib/mapping";
import { sampleRecord } from "@/lib/mapping/testing";
import type { RunOutput } from "@/lib/sync/schemas";
import type { LogEntryDetail } from "@/lib/sync-log/schemas";

export const EXAMPLE_ID = "3f2b8c1e-5d4a-4c8e-9b7a-1e2d3c4b5a69";

export const exampleMapping = [
  { key: "employeeId", source: "user.email" },
  { key: "course", source: "activity.activityName" },
  { key: "completedOn", source: "completion.completionDate", transforms: "dateFormat:yyyy-MM-dd" },
  { key: "status", source: "completion.bestCombined", transforms: "statusMap:100=passed,*=failed" },
];

export const exampleIntegration: IntegrationOutput = {
  id: EXAMPLE_ID,
  name: "HR system",
  status: "active",
  endpointUrl: "https://hr.example.com/api/completions",
  testUrl: "https://hr-test.example.com/api/completions",
  authType: "api_key",
  authConfig: { headerName: "X-API-Key" },
  secrets: { apiKey: { set: true, changedAt: "2026-03-02T09:15:00.000Z" } },
  clientCertInfo: null,
  caBundlePem: null,
  successCodes: "2xx",
  timeoutMs: 30_000,
  customHeaders: { "X-Source": "lms-sync" },
  secretHeaders: { "X-Tenant-Key": { set: true, changedAt: "2026-03-01T10:00:00.000Z" } },
  scheduleCron: "0 2 * * *",
  scheduleTimeZone: "Europe/Copenhagen",
  scheduleText: "At 02:00, every day (Europe/Copenhagen)",
  retrySchedule: [60, 300, 1800],
  failureThreshold: 10,
  consecutiveFailures: 0,
  concurrency: 4,
  syncOnCompletion: false,
  syncDebounceSeconds: 10,
  resendOnUpdate: false,
  receiverSchema: schemaFromMapping(exampleMapping),
  validateBeforeSending: true,
  disabledReason: null,
  disabledAt: null,
  notificationEmails: ["it-team@example.com"],
  mapping: exampleMapping,
  mappingVersion: 3,
  version: 7,
  sendFrom: "2026-01-01T00:00:00.000Z",
  lastRunAt: "2026-04-12T00:00:04.000Z",
  lastSuccessAt: "2026-04-12T00:00:05.000Z",
  createdAt: "2026-03-02T09:15:00.000Z",
  updatedAt: "2026-04-12T00:00:05.000Z",
};

export const exampleLearner: LearnerOutput = {
  userName: "anne.smith",
  email: "anne@company.com",
  firstName: "Anne",
  lastName: "Smith",
  organisation: "HR department",
  completionCount: 14,
  lastCompletionAt: "2026-04-11T14:32:00.000Z",
};

// Anne's completion from the design's sample, and what the example mapping makes of it.
export const exampleRecord: LearnerRecord = learnerRecordOutputSchema.parse({
  completionId: 90211,
  ...sampleRecord(),
});
const built = buildPayload(exampleMapping, sampleRecord());
export const examplePayload = built.ok ? built.payload : {};

/** One completion of the preview: Anne's record, and each entry of `mapping` traced on it. */
export const examplePreview = (mapping: MappingEntry[]) => ({
  record: exampleRecord,
  trace: tracePayload(mapping, sampleRecord()),
});

export const exampleLogEntry: LogEntryDetail = {
  id: 5120,
  createdAt: "2026-04-12T00:00:05.000Z",
  deliveryId: 811,
  deliveryState: "succeeded",
  runId: 42,
  attempt: 1,
  userEmail: "anne@company.com",
  userName: "anne.smith",
  activityName: "GDPR introduction",
  completionDate: "2026-04-11T14:32:00.000Z",
  requestUrl: "https://hr.example.com/api/completions",
  status: 201,
  outcome: "success",
  durationMs: 184,
  errorCode: null,
  errorMessage: null,
  diagnosis: null,
  mappingVersion: 3,
  requestHeaders: { "content-type": "application/json", "x-api-key": "[redacted]" },
  requestBody: JSON.stringify(examplePayload),
  responseHeaders: { "content-type": "application/json" },
  responseBody: '{"id":"c-77"}',
  responseTruncated: false,
  errorDetail: null,
  diagnosisCause: null,
  diagnosisFix: null,
};

export const exampleRun: RunOutput = {
  id: 42,
  integrationId: EXAMPLE_ID,
  trigger: "manual",
  status: "completed",
  done: true,
  startedAt: "2026-04-12T00:00:01.000Z",
  finishedAt: "2026-04-12T00:00:09.500Z",
  durationMs: 8500,
  sent: 1000,
  accepted: 998,
  retried: 2,
  failed: 0,
  error: null,
};
