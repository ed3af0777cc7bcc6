const controller = new AbortController();

/** Aborted when the worker is told to stop (SIGTERM): runs take no new work, let in-flight attempts finish and record them. */
export const shutdownSignal: AbortSignal = controller.signal;

export function requestShutdown(): void {
  controller.abort();
}
