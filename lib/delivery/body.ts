/** How much of a response body is kept; the rest is not read at all. */
export const MAX_BODY_BYTES = 64 * 1024;

const decoder = new TextDecoder();

/** Collects a body's chunks up to `cap` bytes; `add` says when the cap is reached so the reader can stop. */
export class CappedBody {
  private readonly chunks: Uint8Array[] = [];
  private size = 0;
  truncated = false;

  constructor(private readonly cap: number = MAX_BODY_BYTES) {}

  /** Keeps what fits; returns false once the cap is reached (the rest must not be read). */
  add(chunk: Uint8Array): boolean {
    if (this.truncated) return false;
    if (this.size + chunk.byteLength > this.cap) {
      this.chunks.push(chunk.subarray(0, this.cap - this.size));
      this.size = this.cap;
      this.truncated = true;
      return false;
    }
    this.chunks.push(chunk);
    this.size += chunk.byteLength;
    return true;
  }

  text(): string {
    if (this.size === 0) return "";
    const only = this.chunks.length === 1 ? this.chunks[0] : undefined;
    return decoder.decode(only ?? Buffer.concat(this.chunks, this.size));
  }
}
