import Link from "next/link";
import type { ComponentProps } from "react";
import { buttonClass, type Variant } from "./button";

/** A link that looks like a Button: for actions that go to another page. */
export function ButtonLink({
  variant = "primary",
  className = "",
  ...props
}: ComponentProps<typeof Link> & { variant?: Variant }) {
  return <Link className={buttonClass(variant, className)} {...props} />;
}
