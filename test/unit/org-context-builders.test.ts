import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The README's promise: only `authorize` builds an OrgContext, plus the three named system contexts
// (lib/authz/system-contexts.ts) for callers who cannot be members yet. A domain function that
// takes an OrgContext can then trust it.

const root = process.cwd();

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
}

describe("who builds an OrgContext", () => {
  it("is authorize and the named system contexts, nothing else in the app", () => {
    const builders = ["app", "components", "lib", "db", "scripts"]
      .flatMap((dir) => filesUnder(path.join(root, dir)))
      .filter((file) => /\bbuildOrgContext\b/.test(readFileSync(file, "utf8")))
      .map((file) => path.relative(root, file))
      .sort();
    expect(builders).toEqual(["lib/authz/authorize.ts", "lib/authz/context.ts", "lib/authz/system-contexts.ts"]);
  });

  it("has no cast to OrgContext outside lib/authz/context.ts", () => {
    const casts = ["app", "components", "lib"]
      .flatMap((dir) => filesUnder(path.join(root, dir)))
      .filter((file) => /as (unknown as )?OrgContext\b/.test(readFileSync(file, "utf8")))
      .map((file) => path.relative(root, file));
    expect(casts).toEqual(["lib/authz/context.ts"]);
  });
});
