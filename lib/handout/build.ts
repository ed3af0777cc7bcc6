// The IT handout of one integration, as a document the Markdown writer, the PDF writer and the page render.

import { addressSection, authSection, endpointSection } from "./connection-sections";
import { answerSection, idempotencySection, retrySection, signatureSection } from "./delivery-sections";
import type { HandoutDoc, HandoutFacts } from "./model";
import { payloadSection } from "./payload-section";
import { troubleshootingSection } from "./troubleshooting-section";

/** The handout from the integration's live settings (gathered by `loadHandoutFacts`); pure. */
export function buildHandout(f: HandoutFacts): HandoutDoc {
  return {
    title: `LMS Sync: ${f.name}`,
    intro: `What the LMS sends to your endpoint and what it expects back, generated from the integration's settings on ${f.generatedAt.slice(0, 10)}. It holds no secret: credentials are handed over separately.`,
    sections: [
      endpointSection(f),
      authSection(f),
      addressSection(f),
      payloadSection(f),
      answerSection(f),
      retrySection(f),
      idempotencySection(f),
      signatureSection(f),
      troubleshootingSection(f),
    ],
  };
}
