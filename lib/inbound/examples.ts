import type { InboundLogDetail, InboundLogSummary } from "./log-schemas";
import type { InboundSourceReply } from "./source-schemas";

// The examples the inbound routes' contracts show (the contract test validates each against its schema).

const SOURCE_ID = "5b1f0c3e-9a7d-4e2b-8c61-0d2f4a6b8e90";

export const exampleInboundSource: InboundSourceReply = {
  id: SOURCE_ID,
  name: "HR master data",
  kinds: ["users", "completions"],
  createMissing: false,
  url: `https://lms-sync.example.com/api/inbound/${SOURCE_ID}`,
  secrets: [
    { createdAt: "2026-04-20T08:00:00.000Z", validUntil: null },
    { createdAt: "2026-01-10T08:00:00.000Z", validUntil: "2026-04-21T08:00:00.000Z" },
  ],
  createdAt: "2026-01-10T08:00:00.000Z",
  updatedAt: "2026-04-20T08:00:00.000Z",
  lastReceivedAt: "2026-04-20T09:12:00.000Z",
};

/** A made-up secret in the right shape; real ones are random and shown once. */
export const EXAMPLE_SIGNING_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

export const exampleInboundUsers = {
  type: "users" as const,
  items: [
    {
      userName: "anne",
      email: "anne@company.com",
      firstName: "Anne",
      lastName: "Hansen",
      organisationName: "HR department",
      learningProfiles: ["Onboarding", "Compliance"],
      active: true,
    },
    {
      userName: "bo",
      email: "bo@company.com",
      firstName: "Bo",
      lastName: "Berg",
      organisationName: "Night shift",
    },
  ],
};

const NO_ORGANISATION = {
  field: "organisationName",
  message: 'No organisation is named "Night shift", and this source may not create organisations',
};

export const exampleInboundReply = {
  outcome: "partial" as const,
  logId: 311,
  replayed: false,
  ok: 1,
  failed: 1,
  results: [
    { index: 0, ok: true, action: "updated" as const, errors: [] },
    { index: 1, ok: false, errors: [NO_ORGANISATION] },
  ],
};

export const exampleInboundLogEntry: InboundLogDetail = {
  id: 311,
  receivedAt: "2026-04-20T09:12:00.000Z",
  outcome: "partial",
  status: 200,
  verifiedBy: "signature",
  verifiedAs: "current secret",
  reason: null,
  messageId: "msg_2b7Xq0",
  kind: "users",
  itemsOk: 1,
  itemsFailed: 1,
  bodyBytes: 298,
  itemErrors: [{ index: 1, errors: [NO_ORGANISATION] }],
  body: JSON.stringify(exampleInboundUsers),
  bodyTruncated: false,
};

const { itemErrors: _, body: __, bodyTruncated: ___, ...summary } = exampleInboundLogEntry;
export const exampleInboundLogSummary: InboundLogSummary = summary;
