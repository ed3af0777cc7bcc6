// npm run db:migrate — apply migrations to DATABASE_URL (npm start does this by itself).
import { migrateDatabase } from "@/db/migrate";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL to the PostgreSQL server to migrate");
  process.exit(2);
}
await migrateDatabase(url);
console.log("migrations applied");
