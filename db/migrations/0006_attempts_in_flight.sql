ALTER TABLE "deliveries" ADD COLUMN "in_flight" text;--> statement-breakpoint
ALTER TABLE "sync_log" ADD COLUMN "error_detail" text;