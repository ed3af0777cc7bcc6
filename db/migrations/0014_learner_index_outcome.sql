-- The learner index carries each entry's outcome and status, so a learner's failures (or a status) are found in the
-- index alone; a learner with no failure no longer costs a read of each of their entries.
DROP INDEX "sync_log_integration_user_created_idx";--> statement-breakpoint
CREATE INDEX "sync_log_integration_user_created_idx" ON "sync_log" USING btree ("integration_id","user_id","created_at","id","outcome","status");
