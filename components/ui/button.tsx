import type { ButtonHTMLAttributes } from "react";

export type Variant = "primary" | "secondary" | "danger" | "ghost";

const VARIANTS: Record<Variant, string> = {
  primary: "bg-brand-600 text-white hover:bg-brand-500 focus-visible:outline-brand-600",
  secondary: "bg-white text-ink-900 ring-1 ring-inset ring-ink-300 hover:bg-ink-50",
  danger: "bg-danger-600 text-white hover:bg-danger-500 focus-visible:outline-danger-600",
  ghost: "text-ink-700 hover:bg-ink-100",
};

/** The classes of a button, for links that look like one (ButtonLink). */
export function buttonClass(variant: Variant = "primary", className = ""): string {
  return `inline-flex items-center justify-center gap-2 rounded-control px-3 py-2 text-sm font-semibold shadow-sm focus-visible:outline-2 focus-visible:outline-offset-2 disabled:cursor-not-allowed disabled:opacity-50 ${VARIANTS[variant]} ${className}`;
}

export function Button({
  variant = "primary",
  className = "",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return <button type="button" className={buttonClass(variant, className)} {...props} />;
}
