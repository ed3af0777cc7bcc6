ALTER TABLE "integrations" ADD COLUMN "sync_on_completion" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "integrations" ADD COLUMN "sync_debounce_seconds" integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "integrations" ADD COLUMN "resend_on_update" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "revision" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "integrations" ADD CONSTRAINT "integrations_sync_debounce_range" CHECK ("integrations"."sync_debounce_seconds" between 1 and 300);--> statement-breakpoint
-- A completion's revision counts the changes that can reach a payload, whoever writes the row (inbound, the seed, the
-- LMS itself): a change of learner, activity, date or scores bumps it and makes the completion recorded now, unless
-- the writer set them itself.
CREATE FUNCTION "completions_bump_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.revision = OLD.revision THEN
    NEW.revision := OLD.revision + 1;
    IF NEW.recorded_at = OLD.recorded_at THEN NEW.recorded_at := now(); END IF;
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "completions_bump_revision" BEFORE UPDATE ON "completions" FOR EACH ROW
  WHEN ((OLD.user_id, OLD.activity_id, OLD.completion_date, OLD.best_combined, OLD.best_score)
    IS DISTINCT FROM (NEW.user_id, NEW.activity_id, NEW.completion_date, NEW.best_combined, NEW.best_score))
  EXECUTE FUNCTION "completions_bump_revision"();--> statement-breakpoint
-- True for the first new or changed completion of a transaction (and of no later one): the triggers below queue one
-- event per transaction, not one per row. Set transaction-locally, so a savepoint rolled back forgets it together
-- with the event it queued.
CREATE FUNCTION "completions_first_change"() RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('lms_sync.completions_changed', true) = 'on' THEN RETURN false; END IF;
  PERFORM set_config('lms_sync.completions_changed', 'on', true);
  RETURN true;
END $$;--> statement-breakpoint
-- Sync on completion: at commit, one debounced sync job per active integration that has it on. The job key keeps one
-- waiting job per integration and preserve_run_at keeps its first run_at, so a burst of completions becomes one run
-- (a job already running is left alone and a new one waits behind it on the integration's queue). Names as in
-- lib/sync/jobs.ts.
CREATE FUNCTION "completions_enqueue_syncs"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  i record;
BEGIN
  FOR i IN
    SELECT id, sync_debounce_seconds FROM integrations
    WHERE sync_on_completion AND status = 'active' ORDER BY id
  LOOP
    PERFORM graphile_worker.add_job(
      'integration-sync',
      json_build_object('integrationId', i.id::text, 'trigger', 'completion'),
      queue_name => 'integration:' || i.id::text,
      run_at => now() + make_interval(secs => i.sync_debounce_seconds),
      max_attempts => 3,
      job_key => 'sync-completion:' || i.id::text,
      job_key_mode => 'preserve_run_at'
    );
  END LOOP;
  RETURN NULL;
END $$;--> statement-breakpoint
-- Deferred to commit: the job row is locked only while the transaction commits (concurrent writers do not wait for
-- each other), and a worker cannot start the job before the completions are visible.
CREATE CONSTRAINT TRIGGER "completions_sync_on_insert" AFTER INSERT ON "completions"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN ("completions_first_change"())
  EXECUTE FUNCTION "completions_enqueue_syncs"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "completions_sync_on_update" AFTER UPDATE ON "completions"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (CASE WHEN OLD.revision IS DISTINCT FROM NEW.revision THEN "completions_first_change"() ELSE false END)
  EXECUTE FUNCTION "completions_enqueue_syncs"();--> statement-breakpoint
-- Deliveries made before revisions were tracked carry the revision their completion has now (nothing is resent).
UPDATE "deliveries" d SET "revision" = c."revision" FROM "completions" c
  WHERE c."id" = d."completion_id" AND c."revision" > 1;
