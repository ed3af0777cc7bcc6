/** How much of a response body is kept; the rest is not read at all. */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * Reads a body stream up to `cap` bytes and stops there: leaving the loop destroys the stream, so a
 * 100 MB answer costs one chunk of memory and a closed connection rather than 100 MB.
 */
export async function readCappedBody(
  stream: AsyncIterable<Uint8Array>,
  cap: number = MAX_BODY_BYTES,
): Promise<{ text: string; truncated: boolean }> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  for await (const chunk of stream) {
    if (size + chunk.byteLength > cap) {
      chunks.push(chunk.subarray(0, cap - size));
      size = cap;
      truncated = true;
      break;
    }
    chunks.push(chunk);
    size += chunk.byteLength;
  }
  return { text: new TextDecoder().decode(Buffer.concat(chunks, size)), truncated };
}
