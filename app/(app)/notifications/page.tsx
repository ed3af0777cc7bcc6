import type { Metadata } from "next";
import { Inbox } from "@/components/notifications/inbox";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Notifications" };

export default function NotificationsPage() {
  return (
    <>
      <PageHeader
        title="Notifications"
        description="Integrations that fail, are disabled or paused, and runs that could not start."
      />
      <Inbox />
    </>
  );
}
