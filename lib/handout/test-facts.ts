import type { HandoutFacts } from "./model";

/** Handout facts for tests: an API-key integration with two outbound addresses; `over` changes any of it. */
export function handoutFacts(over: Partial<HandoutFacts> = {}): HandoutFacts {
  return {
    name: "HR system",
    generatedAt: "2026-12-01T10:00:00.000Z",
    endpointUrl: "https://hr.example.com/api/completions",
    testUrl: "https://test.hr.example.com/api/completions",
    authType: "api_key",
    authConfig: { headerName: "X-HR-Key" },
    usesClientCert: false,
    clientCert: null,
    secretHeaderNames: [],
    customHeaders: {},
    successCodes: "2xx",
    timeoutMs: 30_000,
    retrySchedule: [60, 300, 1800],
    failureThreshold: 10,
    resendOnUpdate: false,
    signing: false,
    outbound: { ips: ["203.0.113.10", "203.0.113.11"], observed: null },
    requiredKeys: ["employeeId", "courseName"],
    optionalKeys: ["score"],
    jsonSchema: null,
    validatesBeforeSending: false,
    example: {
      payload: { employeeId: "alex.example@example.com", courseName: "GDPR introduction" },
      fromCompletion: true,
    },
    lastErrors: [],
    ...over,
  };
}
