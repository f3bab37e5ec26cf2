import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents } from "@/db/schema";
import { makeTeamOrg, makeUser } from "@/lib/factories";
import { insertBulkAuditEvents } from "@/lib/factories/bulk";
import { auditEventCountCap, formatAuditEventCount } from "@/lib/orgs/audit-event-count";
import { deletionPreview, describeLoss } from "@/lib/orgs/deletion-preview";
import { useTestDatabase } from "./support/test-database";

// Issue 12: the Danger Zone counts audit events only up to the cap, so a million of them cost no
// more than a thousand; above the cap the preview says "more than 1,000".

const t = useTestDatabase();

describe("the deletion preview's audit-event count", () => {
  it("is exact up to the cap and says 'more than' past it", { timeout: 120_000 }, async () => {
    const owner = await makeUser(t.db);
    const org = await makeTeamOrg(t.db, owner);
    const actor = { id: owner.id, label: owner.email };
    const already = await t.db.$count(auditEvents, eq(auditEvents.orgId, org.id));

    // Exactly the cap: still an exact count.
    await insertBulkAuditEvents(t.db, org.id, { main: actor, rare: actor }, auditEventCountCap - already);
    const atCap = await deletionPreview(t.db, org.id);
    expect(atCap.auditEvents).toBe(auditEventCountCap);
    expect(formatAuditEventCount(atCap.auditEvents)).toBe("1,000");
    expect(describeLoss(atCap)).toContain("and 1,000 audit events");

    // Past it, by one and then by many: counting stops one row past the cap.
    await insertBulkAuditEvents(t.db, org.id, { main: actor, rare: actor }, 1);
    expect((await deletionPreview(t.db, org.id)).auditEvents).toBe(auditEventCountCap + 1);
    await insertBulkAuditEvents(t.db, org.id, { main: actor, rare: actor }, 20_000);
    const pastCap = await deletionPreview(t.db, org.id);
    expect(await t.db.$count(auditEvents, eq(auditEvents.orgId, org.id))).toBe(auditEventCountCap + 20_001);
    expect(pastCap.auditEvents).toBe(auditEventCountCap + 1);
    expect(formatAuditEventCount(pastCap.auditEvents)).toBe("more than 1,000");
    expect(describeLoss(pastCap)).toBe("1 member and more than 1,000 audit events");
  });

  it("counts another organization's events apart", async () => {
    const owner = await makeUser(t.db);
    const org = await makeTeamOrg(t.db, owner);
    const already = await t.db.$count(auditEvents, eq(auditEvents.orgId, org.id));
    await insertBulkAuditEvents(t.db, org.id, { main: { id: owner.id, label: owner.email }, rare: { id: owner.id, label: owner.email } }, 5);
    expect((await deletionPreview(t.db, org.id)).auditEvents).toBe(already + 5);
  });
});
