CREATE TABLE "delivery_counts" (
	"integration_id" uuid NOT NULL,
	"state" text NOT NULL,
	"count" bigint NOT NULL
);
--> statement-breakpoint
DROP INDEX "sync_log_integration_id_idx";--> statement-breakpoint
DROP INDEX "sync_log_integration_created_idx";--> statement-breakpoint
DROP INDEX "sync_log_user_idx";--> statement-breakpoint
CREATE INDEX "delivery_counts_integration_idx" ON "delivery_counts" USING btree ("integration_id");--> statement-breakpoint
CREATE INDEX "sync_log_integration_created_id_idx" ON "sync_log" USING btree ("integration_id","created_at","id");--> statement-breakpoint
CREATE INDEX "sync_log_integration_user_created_idx" ON "sync_log" USING btree ("integration_id","user_id","created_at","id");--> statement-breakpoint
-- Delivery counts kept as changes (see deliveryCounts in db/schema/sync.ts): one row per integration and state a
-- statement changed, appended by statement-level triggers that read the statement's transition tables, so a batch
-- of a thousand deliveries adds two rows, and concurrent writers never wait for a shared counter row.
CREATE FUNCTION delivery_counts_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO delivery_counts (integration_id, state, count)
  SELECT integration_id, state, count(*) FROM new_rows GROUP BY 1, 2;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION delivery_counts_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A claim or a lease changes no state: nothing is appended.
  INSERT INTO delivery_counts (integration_id, state, count)
  SELECT integration_id, state, sum(n) FROM (
    SELECT integration_id, state, -1 AS n FROM old_rows
    UNION ALL
    SELECT integration_id, state, 1 AS n FROM new_rows
  ) d GROUP BY 1, 2 HAVING sum(n) <> 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION delivery_counts_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO delivery_counts (integration_id, state, count)
  SELECT integration_id, state, -count(*) FROM old_rows GROUP BY 1, 2;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER deliveries_counts_insert AFTER INSERT ON deliveries
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION delivery_counts_inserted();
--> statement-breakpoint
CREATE TRIGGER deliveries_counts_update AFTER UPDATE ON deliveries
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION delivery_counts_updated();
--> statement-breakpoint
CREATE TRIGGER deliveries_counts_delete AFTER DELETE ON deliveries
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION delivery_counts_deleted();
--> statement-breakpoint
-- TRUNCATE fires no delete trigger: it empties the counts too (DELETE, as a TRUNCATE of both tables at once may be
-- the statement that fired it).
CREATE FUNCTION delivery_counts_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM delivery_counts;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER deliveries_counts_truncate AFTER TRUNCATE ON deliveries
  FOR EACH STATEMENT EXECUTE FUNCTION delivery_counts_truncated();
--> statement-breakpoint
INSERT INTO delivery_counts (integration_id, state, count)
SELECT integration_id, state, count(*) FROM deliveries GROUP BY 1, 2;
