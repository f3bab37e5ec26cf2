import { describe, expect, it } from "vitest";
import { transferAuditEntries } from "@/lib/audit/entries/transfer";

// The audit log's words for a project transfer, read in either organization's log.

const event = (action: keyof typeof transferAuditEntries, values: { before?: unknown; after?: unknown } = {}) => ({
  action,
  actor: "Alice",
  targetType: "project",
  targetLabel: "Shop",
  before: values.before ?? null,
  after: values.after ?? null,
});

const stored = {
  before: { organization: "Acme", slug: "acme", environments: [{ name: "prod", cluster: "acme-eu" }], deploymentRules: 1 },
  after: { organization: "Globex", slug: "globex", environments: [{ name: "prod", cluster: "globex-us" }], deploymentRules: 0, removedRules: ["prod* → acme-eu"] },
};

describe("project transfer audit entries", () => {
  it("reads in the source and in the destination", () => {
    expect(transferAuditEntries["project.transfer_out"].describe(event("project.transfer_out", stored))).toBe(
      "Alice transferred project Shop to Globex (1 environment re-targeted, 1 deployment rule removed)",
    );
    expect(transferAuditEntries["project.transfer_in"].describe(event("project.transfer_in", stored))).toBe(
      "Alice transferred project Shop here from Acme (1 environment re-targeted, 1 deployment rule removed)",
    );
  });

  it("still reads with values of any shape", () => {
    for (const action of ["project.transfer_out", "project.transfer_in"] as const) {
      for (const values of [{}, { before: "odd", after: [] }, { before: { organization: 7 }, after: { environments: "x" } }]) {
        const sentence = transferAuditEntries[action].describe(event(action, values));
        expect(sentence).toMatch(/^Alice transferred project Shop /);
        expect(sentence).not.toMatch(/undefined|\[object Object\]/);
      }
      expect(transferAuditEntries[action].category).toBe("projects");
    }
  });
});
