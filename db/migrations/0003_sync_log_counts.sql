CREATE TABLE "sync_log_counts" (
	"bucket" timestamp with time zone NOT NULL,
	"integration_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "sync_log_counts_bucket_integration_id_outcome_pk" PRIMARY KEY("bucket","integration_id","outcome")
);
--> statement-breakpoint
ALTER TABLE "sync_log_counts" ADD CONSTRAINT "sync_log_counts_integration_id_integrations_id_fk" FOREIGN KEY ("integration_id") REFERENCES "public"."integrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- The log so far; from here on every insert into sync_log adds its counts (db/queries/sync-log.ts).
INSERT INTO sync_log_counts (bucket, integration_id, outcome, count)
SELECT date_bin('15 minutes', created_at, timestamptz '2000-01-01 00:00:00+00'), integration_id, outcome, count(*)
FROM sync_log
GROUP BY 1, 2, 3;
