import http from "node:http";
import type { AddressInfo } from "node:net";

type Answer = { status: number; body: string; contentType?: string };

/**
 * A plain-HTTP receiver of a test's own on 127.0.0.1: answers request n (counting from 1) with `answer(n)`. With
 * `answerFirst`, it answers that many at once and holds the rest until `release()`, so a run or a test stays
 * visibly in progress for as long as the test wants.
 */
export async function startReceiver(answer: (n: number) => Answer, options: { answerFirst?: number } = {}) {
  let n = 0;
  let release!: () => void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const server = http.createServer(async (req, res) => {
    req.resume();
    n += 1;
    const mine = n;
    if (options.answerFirst !== undefined && mine > options.answerFirst) await gate;
    const a = answer(mine);
    if (res.destroyed) return; // the caller gave up meanwhile
    res.writeHead(a.status, { "content-type": a.contentType ?? "text/plain; charset=utf-8" }).end(a.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/in`,
    /** How many requests have arrived. */
    requests: () => n,
    release,
    close: () => {
      release();
      const closed = new Promise((resolve) => server.close(resolve));
      server.closeAllConnections(); // the app keeps its connections alive; close waits for none of them
      return closed;
    },
  };
}
