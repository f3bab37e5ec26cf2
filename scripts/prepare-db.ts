import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { seedDemo } from "./seed-demo";

// Runs before the server starts (never alongside it: PGlite allows one process per data folder).
async function main() {
  const driver = process.env.DATABASE_URL ? "postgres" : "pglite";
  const { db, close } = await openDatabase();
  try {
    await migrateDatabase(db, driver);
    const skipSeed = process.argv.includes("--no-seed") || process.env.SEED_DEMO === "false";
    const outcome = skipSeed ? "demo data skipped" : await seedDemo(db);
    console.log(`database ready (${driver === "pglite" ? "embedded PGlite in .data/" : "PostgreSQL"}; ${outcome})`);
  } finally {
    await close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
