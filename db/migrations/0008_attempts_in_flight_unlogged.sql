-- UNLOGGED by hand (drizzle-kit cannot express it): see attemptsInFlight in db/schema/sync.ts.
CREATE UNLOGGED TABLE "attempts_in_flight" (
	"delivery_id" bigint PRIMARY KEY NOT NULL,
	"log_row" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "deliveries" DROP COLUMN "in_flight";