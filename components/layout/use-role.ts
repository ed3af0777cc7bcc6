"use client";

import { useSession } from "next-auth/react";
import { hasRole, type Role } from "@/lib/auth/model";

/** The signed-in user's role in client components; admins may change things, viewers only read. */
export function useRole(): { role: Role | null; isAdmin: boolean } {
  const { data } = useSession();
  const role = data?.user?.role ?? null;
  return { role, isAdmin: role !== null && hasRole(role, "admin") };
}
