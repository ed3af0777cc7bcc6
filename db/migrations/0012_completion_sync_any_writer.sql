-- Sync on completion for every writer of completions: the enqueueing runs with the rights of the migration's role
-- (SECURITY DEFINER, a fixed search_path), so the LMS may write completions with a role that cannot read
-- integrations or write graphile-worker's tables; and a failure to enqueue never fails the writer's commit (it is a
-- warning: the schedule still sends the completion).
CREATE OR REPLACE FUNCTION "completions_enqueue_syncs"() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  i record;
BEGIN
  FOR i IN
    SELECT id, sync_debounce_seconds FROM integrations
    WHERE sync_on_completion AND status = 'active' ORDER BY id
  LOOP
    BEGIN
      PERFORM graphile_worker.add_job(
        'integration-sync',
        json_build_object('integrationId', i.id::text, 'trigger', 'completion'),
        queue_name => 'integration:' || i.id::text,
        run_at => now() + make_interval(secs => i.sync_debounce_seconds),
        max_attempts => 3,
        job_key => 'sync-completion:' || i.id::text,
        job_key_mode => 'preserve_run_at'
      );
    EXCEPTION WHEN OTHERS THEN
      RAISE WARNING 'sync on completion: no run enqueued for integration % (%); the schedule sends the completions',
        i.id, SQLERRM;
    END;
  END LOOP;
  RETURN NULL;
END $$;
