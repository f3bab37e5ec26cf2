import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

/** Any user whose name contains this has every audit event they write refused by the database. */
export const auditBreakerName = "Audit Breaker";

/**
 * Installs, in the test file's own database, a trigger that refuses audit events written by an
 * actor named `auditBreakerName`. A change whose audit event is refused must leave no trace: that
 * proves the change and its audit event share one transaction.
 */
export async function installAuditBreaker(db: Db): Promise<void> {
  await db.execute(
    sql.raw(`
      CREATE OR REPLACE FUNCTION test_refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.actor_label LIKE '%${auditBreakerName}%' THEN
          RAISE EXCEPTION 'audit refused for this test' USING ERRCODE = 'raise_exception';
        END IF;
        RETURN NEW;
      END $$`),
  );
  await db.execute(sql.raw("DROP TRIGGER IF EXISTS test_refuse_audit ON audit_events"));
  await db.execute(sql.raw("CREATE TRIGGER test_refuse_audit BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION test_refuse_audit()"));
}
