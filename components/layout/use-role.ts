"use client";

import { useSession } from "next-auth/react";

/** The signed-in user's role in client components; admins may change things, viewers only read. */
export function useRole(): { role: "admin" | "viewer" | null; isAdmin: boolean } {
  const { data } = useSession();
  const role = data?.user?.role ?? null;
  return { role, isAdmin: role === "admin" };
}
