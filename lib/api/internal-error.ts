import "server-only";
import { errorText } from "@/db/error-text";

/** What a caller is told of a failure the server did not expect: nothing internal. */
export const INTERNAL_ERROR_MESSAGE = "Something went wrong on the server; the error was logged";

/** Logs a route's unexpected failure: the error in words and where it was thrown, never a failed query's parameters (errorText). */
export function logInternalError(request: Request, error: unknown): void {
  const frames =
    error instanceof Error ? (error.stack ?? "").split("\n").filter((l) => /^\s+at /.test(l)) : [];
  console.error(
    [`[api] ${request.method} ${new URL(request.url).pathname} failed: ${errorText(error)}`, ...frames].join(
      "\n",
    ),
  );
}
