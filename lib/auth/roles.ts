import type { Role } from "./model";

export { hasRole, type Role } from "./model";

/** Who is making a request: a signed-in user or an API token's owner. */
export type Actor = { id: string; email: string; name: string; role: Role; via: "session" | "token" };
