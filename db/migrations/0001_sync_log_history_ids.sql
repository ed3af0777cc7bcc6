ALTER TABLE "sync_log" DROP CONSTRAINT "sync_log_delivery_id_deliveries_id_fk";
--> statement-breakpoint
ALTER TABLE "sync_log" DROP CONSTRAINT "sync_log_run_id_sync_runs_id_fk";
--> statement-breakpoint
ALTER TABLE "sync_log" DROP CONSTRAINT "sync_log_user_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "sync_log" DROP CONSTRAINT "sync_log_completion_id_completions_id_fk";
--> statement-breakpoint
DROP INDEX "deliveries_due_idx";--> statement-breakpoint
CREATE INDEX "deliveries_due_idx" ON "deliveries" USING btree ("integration_id","next_attempt_at","id") WHERE "deliveries"."state" in ('pending', 'retrying', 'failed');