// GET, POST /api/demo-receiver — the demo receiving endpoint (X-API-Key): GET says it is ready, POST keeps a delivery
import { route } from "@/lib/api/handler";
import { checkDemoKey, keepDemoDelivery } from "@/lib/demo/receiver";
import { demoDeliverySchema, demoReadyOutputSchema, demoReceivedOutputSchema } from "@/lib/demo/schemas";

export const dynamic = "force-dynamic";

const path = "/api/demo-receiver";
// Like a real receiver: its own key instead of a session; off (404) outside the demo setup.
const access = { role: "public", apiKey: { header: "X-API-Key", check: checkDemoKey } } as const;
const errors = {
  401: "Missing or wrong X-API-Key",
  404: "Off: the demo receiver only runs in the demo setup",
} as const;

export const GET = route(
  {
    method: "GET",
    path,
    ...access,
    summary: "Demo receiver: says it is ready, for a connection test",
    output: demoReadyOutputSchema,
    errors,
    example: { output: { ready: true, accepts: "POST application/json" } },
  },
  async () => ({ ready: true, accepts: "POST application/json" }),
);

export const POST = route(
  {
    method: "POST",
    path,
    ...access,
    summary: "Demo receiver: keeps a delivery, so a sync can be seen end to end under Demo receiver",
    input: demoDeliverySchema,
    output: demoReceivedOutputSchema,
    status: 202,
    errors,
    example: { input: { employeeId: "anne@company.com", status: "passed" }, output: { received: true } },
  },
  async ({ request, input }) => {
    await keepDemoDelivery(request, input);
    return { received: true };
  },
);
