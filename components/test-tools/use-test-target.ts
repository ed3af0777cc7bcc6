"use client";

import { useState } from "react";
import type { Target } from "./target-switch";

/** Defaults to the test URL when the integration has one, as the design says; the user may switch. */
export function useTestTarget(testUrl: string | null | undefined) {
  const [chosen, setChosen] = useState<Target | null>(null);
  const target: Target = chosen ?? (testUrl ? "test" : "production");
  return { target, setTarget: setChosen };
}
