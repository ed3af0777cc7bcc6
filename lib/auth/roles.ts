import type { Role } from "@/db/schema/auth";

export type { Role };

const RANK: Record<Role, number> = { viewer: 1, admin: 2 };

/** Whether a user with `role` may do what needs `required` (admins may do everything viewers may). */
export function hasRole(role: Role, required: Role): boolean {
  return RANK[role] >= RANK[required];
}

/** Who is making a request: a signed-in user or an API token's owner. */
export type Actor = { id: string; email: string; name: string; role: Role; via: "session" | "token" };
