// Integration tests need the PostgreSQL server and migrated template that `npm test` prepares.
export default function checkTestDatabaseEnv(): void {
  if (!process.env.TEST_PG_URL || !process.env.TEST_PG_TEMPLATE) {
    throw new Error(
      "Integration tests need the PostgreSQL server that `npm test` starts (TEST_PG_URL and TEST_PG_TEMPLATE are unset). " +
        "Run `npm test` (or `npm test -- --skip-e2e` for a faster run).",
    );
  }
}
