-- Learner search (the preview's picker, Test with user) on a large LMS.
-- An exact user name or e-mail, ignoring case:
CREATE INDEX IF NOT EXISTS users_user_name_lower_idx ON users (lower(user_name));
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS users_email_lower_idx ON users (lower(email));
--> statement-breakpoint
-- Part of a user name, e-mail or full name (ILIKE '%…%'): a trigram index on the three joined by a unit separator,
-- which nobody types, so no match spans two of them (db/queries/learners.ts writes the same expression). pg_trgm
-- ships with PostgreSQL and is a trusted extension (13 and later), so the database's owner may create it; where it
-- cannot be created, search still works, by scanning.
DO $$
BEGIN
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION WHEN insufficient_privilege OR undefined_file OR feature_not_supported THEN
  RAISE NOTICE 'pg_trgm is not available (%): learner search will scan the users table', SQLERRM;
END $$;
--> statement-breakpoint
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
    CREATE INDEX IF NOT EXISTS users_search_trgm_idx ON users
      USING gin ((user_name || chr(31) || email || chr(31) || first_name || ' ' || last_name) gin_trgm_ops);
  END IF;
END $$;
