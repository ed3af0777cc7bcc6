import "server-only";
import { getDb } from "@/db/client";
import { apiError, notFound } from "@/lib/api/errors";
import { uuidParam } from "@/lib/api/handler";
import { changeSigning, type SigningChange } from "@/lib/integrations/signing";

// The signing routes' shared steps: run one change on the integration the path names, answer it.

type ChangeArgs = Parameters<typeof changeSigning>;

/** Runs one signing change on the integration named by the path; a malformed id is no integration. */
export async function changeSigningRoute(
  rawId: string | undefined,
  action: ChangeArgs[2],
  actor: ChangeArgs[3],
  opts?: ChangeArgs[4],
): Promise<SigningChange> {
  const id = uuidParam(rawId);
  return id ? changeSigning(getDb(), id, action, actor, opts) : { ok: false, reason: "not_found" };
}

/** The reply of a signing change, or its 404 or 409. */
export function signingReply(result: SigningChange) {
  if (result.ok) return { signing: result.signing, signingSecret: result.signingSecret ?? "" };
  if (result.reason === "not_found") return notFound("Integration");
  return apiError(
    409,
    "conflict",
    result.reason === "already_on"
      ? "Signing is already on: rotate the secret to get a new one"
      : "Signing is not on: turn it on first",
  );
}
