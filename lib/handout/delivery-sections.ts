// The handout's sections on how requests behave: answers, retries, the Idempotency-Key and the signature.

import { formatDuration, formatRetrySchedule } from "@/lib/integrations/format-duration";
import type { HandoutFacts, HandoutSection } from "./model";

export function answerSection(f: HandoutFacts): HandoutSection {
  return {
    id: "answers",
    title: "What your endpoint should answer",
    blocks: [
      {
        kind: "list",
        items: [
          `Success is an HTTP status in \`${f.successCodes}\`; anything else counts as a failure and is retried. A body in the answer is logged, not read.`,
          `LMS Sync waits ${formatDuration(f.timeoutMs / 1000)} for the answer; after that the attempt is a timeout and is retried.`,
          "Redirects (3xx) are not followed: give the final address as the endpoint.",
          "On 429 or 503, a `Retry-After` header (seconds or a date, up to a day) is honoured.",
          "Please answer 400 or 422 with a short reason in the body when the payload is wrong: the LMS administrator sees it in the sync log.",
        ],
      },
    ],
  };
}

export function retrySection(f: HandoutFacts): HandoutSection {
  return {
    id: "retries",
    title: "Retries and automatic disabling",
    blocks: [
      {
        kind: "list",
        items: [
          `A failed delivery is retried after ${formatRetrySchedule(f.retrySchedule)}; after the last retry it waits for the next scheduled run.`,
          `After ${f.failureThreshold} failed attempts in a row (any delivery), the integration stops itself and the LMS administrators are told; it continues where it stopped once they enable it again. One success resets the count.`,
          "Delivery is at least once: the same completion may arrive more than once (a retry after a timeout, a resend by the administrator). Use the Idempotency-Key below to keep one.",
        ],
      },
    ],
  };
}

export function idempotencySection(f: HandoutFacts): HandoutSection {
  const revision = f.resendOnUpdate
    ? "This integration sends a completion again when it changes (a better score, a new status): the correction carries `<key>.r2`, `<key>.r3` and so on, so a correction is told from a repeat."
    : "A completion is sent once; a changed completion is not sent again unless the administrator turns on resend on update (its key would then end in `.r2`, `.r3`).";
  return {
    id: "idempotency",
    title: "The Idempotency-Key",
    blocks: [
      {
        kind: "text",
        text: "Every request carries an `Idempotency-Key` header, the same for every attempt of one delivery (a UUID).",
      },
      {
        kind: "list",
        items: [
          "Store the key with what you create. When a request arrives with a key you have stored, do not create a second record: answer 2xx as you did the first time.",
          revision,
          "Keep the keys at least as long as the retry schedule spans; a backfill the administrator starts sends with new keys on purpose.",
        ],
      },
    ],
  };
}

export function signatureSection(f: HandoutFacts): HandoutSection {
  if (!f.signing) {
    return {
      id: "signature",
      title: "Signature",
      blocks: [
        {
          kind: "text",
          text: "Requests are not signed. The LMS administrator can turn on signing (Standard Webhooks) if you want to verify that a request came from this LMS.",
        },
      ],
    };
  }
  return {
    id: "signature",
    title: "Signature (Standard Webhooks)",
    blocks: [
      {
        kind: "text",
        text: "Every request is signed by the Standard Webhooks scheme (standardwebhooks.com), so you can check that it came from this LMS and was not changed:",
      },
      {
        kind: "list",
        items: [
          "`webhook-id`: the message id, equal to the Idempotency-Key.",
          "`webhook-timestamp`: when it was sent, in Unix seconds. Refuse a request more than 5 minutes off your clock.",
          "`webhook-signature`: one or more `v1,<signature>` separated by spaces, where the signature is the base64 HMAC-SHA256 of `<webhook-id>.<webhook-timestamp>.<body>` (the exact bytes of the body) under the key, which is the base64 after `whsec_` in the signing secret. Accept the request when any one of them matches.",
          "The signing secret (`whsec_…`) is shown once to the LMS administrator, who hands it to you through a safe channel. When it is rotated, both the old and the new secret sign for the overlap the administrator chose, so you can switch without a gap.",
          "The official Standard Webhooks libraries (npm `standardwebhooks`, PyPI `standardwebhooks`) verify all of this in one call.",
        ],
      },
    ],
  };
}
