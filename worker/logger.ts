import { Logger, type LogLevel } from "graphile-worker";

/** Plain one-line logs with the process name, so the launcher's `[worker]` prefix reads well. */
export function log(level: "info" | "warn" | "error" | "debug", message: string): void {
  if (level === "debug" && process.env.LOG_LEVEL !== "debug") return;
  const line = `${new Date().toISOString()} ${level.padEnd(5)} ${message}`;
  if (level === "error" || level === "warn") console.error(line);
  else console.log(line);
}

export const graphileLogger = new Logger(() => (level: LogLevel, message: string) => {
  log(level === "warning" ? "warn" : (level as "info" | "error" | "debug"), `graphile-worker: ${message}`);
});
