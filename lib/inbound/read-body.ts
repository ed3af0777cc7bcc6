import "server-only";
import { scrubSecrets } from "@/lib/delivery/redact";
import { toStorableText } from "@/lib/text";
import { INBOUND_LIMITS } from "./model";

export type ReadBody =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; reason: string; bytesRead: number; head: Uint8Array };

/**
 * The request body's bytes, refused when it is larger than `maxBytes`: at once by Content-Length, else as soon as
 * the bytes read pass it (a sender may lie about the length or stream without one). A refusal keeps the first
 * bytes for the log.
 */
export async function readBody(request: Request, maxBytes = INBOUND_LIMITS.maxBodyBytes): Promise<ReadBody> {
  const limit = `${maxBytes / 1024 / 1024} MB`;
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await request.body?.cancel().catch(() => {});
    return {
      ok: false,
      reason: `The body is ${declared} bytes by Content-Length; at most ${limit}`,
      bytesRead: 0,
      head: new Uint8Array(),
    };
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      return {
        ok: false,
        reason: `The body is over ${limit} (${total} bytes read when reading stopped)`,
        bytesRead: total,
        head: concat(chunks).subarray(0, INBOUND_LIMITS.loggedBodyBytes),
      };
    }
  }
  return { ok: true, bytes: concat(chunks) };
}

function concat(chunks: Uint8Array[]): Uint8Array {
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
}

/**
 * A body as the log keeps it: UTF-8 text cut at 64 KiB (never inside a character), made storable, with each of
 * `secrets` masked wherever it appears.
 */
export function loggedBody(
  bytes: Uint8Array,
  secrets: readonly string[],
): { text: string; truncated: boolean } {
  const cap = INBOUND_LIMITS.loggedBodyBytes;
  const truncated = bytes.byteLength > cap;
  let end = Math.min(bytes.byteLength, cap);
  // Back off continuation bytes (10xxxxxx) so the cut falls between characters.
  while (truncated && end > 0 && (bytes[end]! & 0xc0) === 0x80) end -= 1;
  let text = toStorableText(new TextDecoder().decode(bytes.subarray(0, end)));
  // A secret's beginning where the cut falls is masked too (scrubSecrets).
  text = scrubSecrets(
    text,
    secrets.filter((s) => s.length >= 8),
  );
  return { text, truncated };
}
