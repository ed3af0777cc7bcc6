import type { ReactNode } from "react";

export function Alert({
  tone = "error",
  children,
}: {
  tone?: "error" | "info" | "warning";
  children: ReactNode;
}) {
  const styles = {
    error: "border-danger-200 bg-danger-50 text-danger-800",
    warning: "border-warning-200 bg-warning-50 text-warning-900",
    info: "border-info-200 bg-info-50 text-info-900",
  }[tone];
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={`rounded-control border px-4 py-3 text-sm ${styles}`}
    >
      {children}
    </div>
  );
}
