import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderPermissionMatrix } from "@/lib/authz/matrix";
import { permissions } from "@/lib/authz/permissions";
import { renderPlanTable } from "@/lib/orgs/plan-markdown";
import { orgPlans, planTable } from "@/lib/orgs/plans";

// README.md's generated tables must match the code's tables: the permission matrix and the plans
// and their limits. `npm run readme:matrix` writes both.

const readmePath = path.join(process.cwd(), "README.md");
const fix = "Run `npm run readme:matrix` to rewrite README.md's generated tables.";

describe("renderPermissionMatrix", () => {
  it("has a header, a rule and one row per permission", () => {
    const lines = renderPermissionMatrix().split("\n");
    expect(lines[0]).toBe("| permission | Owner | Admin | Developer | Viewer |");
    expect(lines).toHaveLength(permissions.length + 2);
    for (const permission of permissions) expect(lines.some((line) => line.startsWith(`| \`${permission}\``))).toBe(true);
  });
});

describe("renderPlanTable", () => {
  it("has a column per plan and a row per limit, unlimited spelled out", () => {
    const lines = renderPlanTable().split("\n");
    expect(lines[0]).toBe(`| limit | ${orgPlans.map((plan) => planTable[plan].label).join(" | ")} |`);
    expect(lines).toHaveLength(5);
    expect(lines[2]).toBe(`| Members (pending invitations count) | ${orgPlans.map((plan) => planTable[plan].members ?? "unlimited").join(" | ")} |`);
  });
});

function generatedBlock(readme: string, name: string): string | null {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  return from !== -1 && to > from ? readme.slice(from + start.length, to).trim() : null;
}

describe("README.md", () => {
  const readme = existsSync(readmePath) ? readFileSync(readmePath, "utf8") : "";

  it.each([
    ["permission-matrix", renderPermissionMatrix],
    ["plan-limits", renderPlanTable],
  ] as const)("shows the %s table rendered from the code", (name, render) => {
    const block = generatedBlock(readme, name);
    expect(block, `README.md lacks the <!-- ${name}:start --> … end markers. ${fix}`).not.toBeNull();
    expect(block, `README.md's ${name} table is stale. ${fix}`).toBe(render());
  });
});
