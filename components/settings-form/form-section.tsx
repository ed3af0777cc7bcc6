import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";

/** One card of the settings form: a title, what it is for, and its fields in a grid. */
export function FormSection({
  title,
  description,
  children,
}: {
  title: string;
  description: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card title={title} description={description}>
      <div className="grid gap-5 sm:grid-cols-2">{children}</div>
    </Card>
  );
}
