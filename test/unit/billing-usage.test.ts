import { describe, expect, it } from "vitest";
import { downgradeRefusal, planChangedMessage } from "@/lib/billing/change-plan";
import { overLimits, planDirection, type Usage } from "@/lib/billing/usage";
import { describeAuditEvent } from "@/lib/audit/catalog";

// What the Billing page and the server say when usage does not fit a plan, counted the way each
// limit is enforced (members include pending invitations).

const usage = (fields: Partial<Usage>): Usage => ({ members: 1, pendingInvitations: 0, clusters: 0, projects: 0, ...fields });

describe("overLimits", () => {
  it("is empty when usage fits, at the limit included", () => {
    expect(overLimits(usage({ members: 2, pendingInvitations: 1, clusters: 1, projects: 3 }), "free")).toEqual([]);
    expect(overLimits(usage({ members: 10_000, clusters: 500, projects: 9_000 }), "enterprise")).toEqual([]);
  });

  it("names what to reduce, members with pending invitations, in the order members, clusters, projects", () => {
    const over = overLimits(usage({ members: 20, pendingInvitations: 9, clusters: 5, projects: 26 }), "professional");
    expect(over.map((item) => item.message)).toEqual([
      "Remove 4 members or pending invitations (29 of 25)",
      "Delete 2 clusters (5 of 3)",
      "Delete 1 project (26 of 25)",
    ]);
    expect(over[0]).toMatchObject({ limit: "members", used: 29, allowed: 25, excess: 4 });
  });

  it("uses the singular for one", () => {
    expect(overLimits(usage({ members: 3, pendingInvitations: 1, clusters: 2, projects: 4 }), "free").map((item) => item.message)).toEqual([
      "Remove 1 member or pending invitation (4 of 3)",
      "Delete 1 cluster (2 of 1)",
      "Delete 1 project (4 of 3)",
    ]);
  });

  it("counts pending invitations as seats on their own", () => {
    expect(overLimits(usage({ members: 1, pendingInvitations: 4 }), "free").map((item) => item.message)).toEqual(["Remove 2 members or pending invitations (5 of 3)"]);
  });
});

describe("plan moves", () => {
  it("orders plans from Free to Enterprise", () => {
    expect(planDirection("free", "professional")).toBe("upgrade");
    expect(planDirection("enterprise", "business")).toBe("downgrade");
    expect(planDirection("business", "business")).toBe("current");
  });

  it("says what changed and what blocks a downgrade", () => {
    expect(planChangedMessage("free", "professional")).toBe("Upgraded to the Professional plan. Its limits apply now.");
    expect(planChangedMessage("business", "free")).toBe("Downgraded to the Free plan. Its limits apply now.");
    const over = overLimits(usage({ members: 4, clusters: 2 }), "free");
    expect(downgradeRefusal("Acme", "free", over)).toBe(
      "Acme uses more than the Free plan allows. Before changing to it: Remove 1 member or pending invitation (4 of 3); Delete 1 cluster (2 of 1).",
    );
  });

  it("reads in the audit log", () => {
    const event = { action: "billing.plan_change", actor: "Alice", targetType: "organization", targetLabel: "Acme" };
    expect(describeAuditEvent({ ...event, before: { plan: "free" }, after: { plan: "professional" } })).toBe("Alice changed the plan from Free to Professional");
    expect(describeAuditEvent({ ...event, before: null, after: { plan: "business" } })).toBe("Alice changed the plan to Business");
  });
});
