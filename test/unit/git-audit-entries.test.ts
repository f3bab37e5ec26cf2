import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { auditCatalog, describeAuditEvent } from "@/lib/audit/catalog";
import { webhookActorLabel } from "@/lib/git/audit";

// The webhook events are written by recordWebhookAudit, which audit-catalog.test.ts does not scan:
// every "git.…" action named in lib/git must have words in the catalogue, under the Git category.

const gitDir = path.join(process.cwd(), "lib", "git");
const named = new Set(
  readdirSync(gitDir)
    .filter((file) => file.endsWith(".ts"))
    .flatMap((file) => [...readFileSync(path.join(gitDir, file), "utf8").matchAll(/"(git\.[a-z_]+(?:\.[a-z_]+)*)"/g)].map((match) => match[1]))
    // The permission, not an action.
    .filter((name) => name !== "git.manage"),
);

describe("Git audit actions", () => {
  it("are all in the catalogue, in the Git category", () => {
    expect([...named].sort()).toEqual(
      expect.arrayContaining(["git.disconnect", "git.install", "git.installation.deleted", "git.repositories.added", "git.repositories.removed"]),
    );
    for (const action of named) expect([action, auditCatalog[action]?.category]).toEqual([action, "git"]);
  });

  it("read as sentences, with what GitHub stored", () => {
    const event = (action: string, before: unknown, after: unknown) => ({ action, actor: webhookActorLabel, targetType: "git_installation", targetLabel: "acme", before, after });
    expect(describeAuditEvent(event("git.installation.deleted", { repositories: 3 }, { applications: ["Shop / prod / web"], applicationCount: 1, sender: "octocat" }))).toBe(
      "GitHub (webhook) reported the App uninstalled from acme (by octocat on GitHub); 3 repositories no longer granted; 1 application lost update and auto-deploy (Shop / prod / web)",
    );
    expect(describeAuditEvent(event("git.repositories.added", null, { repositories: ["acme/a", "acme/b"], repositoryCount: 12, sender: null }))).toBe(
      "GitHub (webhook) reported repositories granted on acme: acme/a, acme/b and 10 more",
    );
    expect(describeAuditEvent({ ...event("git.install", null, { repositories: 1, repositorySelection: "all" }), actor: "Ada" })).toBe(
      "Ada connected the GitHub account acme through the GitHub App (1 repository, all repositories)",
    );
  });
});
