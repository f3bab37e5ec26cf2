import { describe, expect, it } from "vitest";
import { resourcesAuditEntries } from "@/lib/audit/entries/resources";
import { resourceActions } from "@/lib/projects/actions/resources";
import { applicationSchema, branchSchema, databaseSchema, databaseVersions, gitRepositorySchema } from "@/lib/projects/schemas";
import { sshCommand, sshGateway } from "@/lib/projects/ssh";

const { create: createApplicationSchema, delete: deleteApplicationSchema } = resourceActions.application.schemas;
const { create: createDatabaseSchema, update: updateDatabaseSchema } = resourceActions.database.schemas;

// The inputs of applications and databases (issue 6), the SSH command's documented shape, and the
// audit log's sentences for them.

const errorOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues[0]?.message;

describe("the Git repository", () => {
  it.each(["acme/web", "Acme-Corp/web.app", "a/b", "octo-org/repo_name-2", "  acme/web  "])("accepts %j", (value) => {
    expect(gitRepositorySchema.safeParse(value)).toMatchObject({ success: true, data: value.trim() });
  });

  it.each([
    "",
    "acme",
    "acme/",
    "/web",
    "acme/web/extra",
    "https://github.com/acme/web",
    "git@github.com:acme/web.git",
    "acme corp/web",
    "acme/we b",
    `${"a".repeat(40)}/web`,
    "acme_corp/web",
  ])("refuses %j with the owner/name hint", (value) => {
    expect(errorOf(gitRepositorySchema.safeParse(value))).toBe("Enter the repository as owner/name, for example acme/web.");
  });
});

describe("the branch", () => {
  it.each(["main", "develop", "release/1.0", "feature/JIRA-12_x", "v2.x", "  main "])("accepts %j", (value) => {
    expect(branchSchema.safeParse(value).success).toBe(true);
  });

  it.each([
    ["", "Enter a branch."],
    ["feature..x", "Enter a valid Git branch name."],
    ["/main", "Enter a valid Git branch name."],
    ["main/", "Enter a valid Git branch name."],
    ["a//b", "Enter a valid Git branch name."],
    ["with space", "Enter a valid Git branch name."],
    ["topic.lock", "Enter a valid Git branch name."],
    ["what?", "Enter a valid Git branch name."],
    ["ref~1", "Enter a valid Git branch name."],
    ["x".repeat(256), "The branch name is too long."],
  ])("refuses %j", (value, message) => {
    expect(errorOf(branchSchema.safeParse(value))).toBe(message);
  });
});

describe("an application", () => {
  it("needs a name of at most 60 characters", () => {
    expect(errorOf(applicationSchema.safeParse({ name: "   ", gitRepository: "acme/web", branch: "main" }))).toMatch(/^Enter an? application name\.$/);
    expect(errorOf(applicationSchema.safeParse({ name: "x".repeat(61), gitRepository: "acme/web", branch: "main" }))).toBe("The name must be at most 60 characters.");
  });

  it("carries the project and environment ids as plain strings (the domain looks them up)", () => {
    const parsed = createApplicationSchema.parse({ projectId: "p", environmentId: "e", name: " web ", gitRepository: "acme/web", branch: "main", extra: "dropped" });
    expect(parsed).toStrictEqual({ projectId: "p", environmentId: "e", name: "web", gitRepository: "acme/web", branch: "main" });
  });

  it("stays on the page after a delete unless asked to go to the environment", () => {
    expect(deleteApplicationSchema.parse({ projectId: "p", environmentId: "e", applicationId: "a" }).after).toBe("stay");
    expect(deleteApplicationSchema.parse({ projectId: "p", environmentId: "e", applicationId: "a", after: "environment" }).after).toBe("environment");
    expect(deleteApplicationSchema.safeParse({ projectId: "p", environmentId: "e", applicationId: "a", after: "https://evil.test" }).success).toBe(false);
  });
});

describe("a database's type and version", () => {
  const cases = Object.entries(databaseVersions).flatMap(([type, versions]) => versions.map((version) => ({ type, version })));

  it.each(cases)("accepts $type $version", ({ type, version }) => {
    expect(databaseSchema.safeParse({ name: "orders", type, version }).success).toBe(true);
  });

  it.each([
    { type: "postgresql", version: "8.4", field: "version" },
    { type: "redis", version: "17", field: "version" },
    { type: "mysql", version: "", field: "version" },
    { type: "mongodb", version: "5.0", field: "version" },
  ])("refuses $type $version", ({ type, version, field }) => {
    const result = databaseSchema.safeParse({ name: "orders", type, version });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: [field], message: "Choose a version this database type offers." });
  });

  it("refuses a type it does not know", () => {
    expect(errorOf(databaseSchema.safeParse({ name: "orders", type: "oracle", version: "19" }))).toBe("Choose a database type.");
  });

  it("keeps the ids alongside the refined fields", () => {
    expect(createDatabaseSchema.parse({ projectId: "p", environmentId: "e", name: "orders", type: "redis", version: "7.4" })).toStrictEqual({
      projectId: "p",
      environmentId: "e",
      name: "orders",
      type: "redis",
      version: "7.4",
    });
    const wrong = updateDatabaseSchema.safeParse({ projectId: "p", environmentId: "e", databaseId: "d", name: "orders", type: "redis", version: "17" });
    expect(wrong.error?.issues.map((issue) => issue.path[0])).toEqual(["version"]);
  });
});

describe("the SSH command", () => {
  const id = "0b6c3f5e-2d1a-4f0e-9a54-0d3c8a1e7b21";

  it("has the documented shape: ssh -p <port> <application id>@<gateway>", () => {
    expect(sshCommand(id, { host: "ssh.console.example.com", port: 2222 })).toBe(`ssh -p 2222 ${id}@ssh.console.example.com`);
    expect(sshCommand(id, { host: "gw.example.com", port: 22 })).toBe(`ssh ${id}@gw.example.com`);
  });

  it("takes SSH_GATEWAY_HOST, else ssh. + APP_URL's host, else ssh.localhost", () => {
    expect(sshGateway({ SSH_GATEWAY_HOST: "gw.example.com:2022", APP_URL: "https://console.example.com" })).toEqual({ host: "gw.example.com", port: 2022 });
    expect(sshGateway({ SSH_GATEWAY_HOST: "gw.example.com" })).toEqual({ host: "gw.example.com", port: 2222 });
    expect(sshGateway({ APP_URL: "https://console.example.com:8443/base" })).toEqual({ host: "ssh.console.example.com", port: 2222 });
    expect(sshGateway({ APP_URL: "http://10.0.0.5:3000" })).toEqual({ host: "10.0.0.5", port: 2222 });
    expect(sshGateway({})).toEqual({ host: "ssh.localhost", port: 2222 });
  });
});

describe("the audit log's sentences", () => {
  const event = (action: keyof typeof resourcesAuditEntries, fields: { before?: unknown; after?: unknown; targetLabel?: string }) =>
    resourcesAuditEntries[action].describe({ action, actor: "Alice", targetType: action.split(".")[0], targetLabel: fields.targetLabel ?? "web", before: fields.before ?? null, after: fields.after ?? null });
  const place = { environment: "staging", project: "Shop" };

  it("say who did what to which application, and where", () => {
    expect(event("application.create", { after: { name: "web", gitRepository: "acme/web", branch: "main", ...place } })).toBe(
      "Alice added the application web (acme/web, branch main) in the environment staging of Shop",
    );
    expect(
      event("application.update", {
        before: { name: "web", gitRepository: "acme/web", branch: "main", ...place },
        after: { name: "web", gitRepository: "acme/web", branch: "release", ...place },
      }),
    ).toBe("Alice updated the application web in the environment staging of Shop: branch from “main” to “release”");
    expect(event("application.delete", { before: { name: "web", gitRepository: "acme/web", branch: "main", ...place } })).toBe(
      "Alice deleted the application web (acme/web, branch main) in the environment staging of Shop",
    );
  });

  it("name the database's engine and version", () => {
    expect(event("database.create", { targetLabel: "orders", after: { name: "orders", type: "postgresql", version: "16", ...place } })).toBe(
      "Alice added the PostgreSQL 16 database orders in the environment staging of Shop",
    );
    expect(
      event("database.update", { targetLabel: "orders", before: { name: "orders", type: "postgresql", version: "16" }, after: { name: "orders", type: "postgresql", version: "17" } }),
    ).toBe("Alice updated the database orders: version from “16” to “17”");
    expect(event("database.delete", { targetLabel: "orders", before: null })).toBe("Alice deleted the database orders");
  });

  it("file everything under environments", () => {
    expect(new Set(Object.values(resourcesAuditEntries).map((entry) => entry.category))).toEqual(new Set(["environments"]));
  });
});
