ALTER TABLE "integrations" ADD COLUMN "receiver_schema" json;--> statement-breakpoint
ALTER TABLE "integrations" ADD COLUMN "validate_before_sending" boolean DEFAULT false NOT NULL;