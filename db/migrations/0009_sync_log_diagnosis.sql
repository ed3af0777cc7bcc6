ALTER TABLE "sync_log" ADD COLUMN "diagnosis" text;--> statement-breakpoint
ALTER TABLE "sync_log" ADD COLUMN "diagnosis_cause" text;--> statement-breakpoint
ALTER TABLE "sync_log" ADD COLUMN "diagnosis_fix" text;