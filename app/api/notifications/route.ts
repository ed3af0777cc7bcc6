// GET /api/notifications — the notification inbox, newest first, with the unread count
import { z } from "zod";
import { getDb } from "@/db/client";
import { listNotifications } from "@/db/queries/notifications";
import { withRole } from "@/lib/api/handler";

export const dynamic = "force-dynamic";

const query = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });

export const GET = withRole("viewer", query, async ({ input }) => listNotifications(getDb(), input.limit));
