import { describe, expect, it } from "vitest";
import { environmentModes } from "@/db/schema/values";
import { modeClass, modePermission, modesOf } from "@/lib/projects/modes";
import { choosePlacement, patternMatches, type RuleForPlacement } from "@/lib/projects/placement";
import { nameCursor } from "@/lib/projects/queries";

// Automatic placement (issue 6, part 2): `*` patterns, first matching rule wins, else the default
// cluster, else no cluster. The pure decision is tested here; the database side in
// test/integration/projects.test.ts.

describe("patternMatches", () => {
  it.each([
    ["*", "anything", true],
    ["*", "", true],
    ["prod", "prod", true],
    ["prod", "production", false],
    ["prod", "pro", false],
    ["prod-*", "prod-eu", true],
    ["prod-*", "prod-", true],
    ["prod-*", "prod", false],
    ["prod-*", "preprod-eu", false],
    ["*-preview", "pr-12-preview", true],
    ["*-preview", "pr-12-preview-old", false],
    ["pr-*-preview", "pr-12-preview", true],
    ["pr-*-preview", "pr--preview", true],
    ["*staging*", "eu-staging-2", true],
    ["a**b", "ab", true],
    ["a**b", "axxb", true],
  ])("%s against %s → %s", (pattern, name, expected) => {
    expect(patternMatches(pattern, name)).toBe(expected);
  });

  it("ignores case on both sides", () => {
    expect(patternMatches("Prod-*", "PROD-eu")).toBe(true);
    expect(patternMatches("staging", "Staging")).toBe(true);
  });

  it("takes every other character literally, regular-expression characters included", () => {
    expect(patternMatches("v1.2", "v1.2")).toBe(true);
    expect(patternMatches("v1.2", "v1x2")).toBe(false);
    expect(patternMatches("a+b", "aab")).toBe(false);
    expect(patternMatches("a+b", "a+b")).toBe(true);
    expect(patternMatches("(x)|y", "y")).toBe(false);
    expect(patternMatches("[ab]", "a")).toBe(false);
    expect(patternMatches("^x$", "^x$")).toBe(true);
    expect(patternMatches("a?c", "abc")).toBe(false);
    expect(patternMatches("back\\slash", "back\\slash")).toBe(true);
  });

  it("matches the whole name, not a part of it", () => {
    expect(patternMatches("dev", "my-dev-env")).toBe(false);
    expect(patternMatches("dev*", "my-dev")).toBe(false);
  });
});

const rule = (id: string, pattern: string, clusterId: string, mode: RuleForPlacement["mode"] = "development"): RuleForPlacement => ({ id, pattern, clusterId, mode });

describe("choosePlacement", () => {
  const rules = [rule("r1", "prod-*", "eu", "production"), rule("r2", "*-preview", "cheap", "preview"), rule("r3", "*", "catch-all", "staging")];

  it("takes the first matching rule in order, with its position and mode", () => {
    expect(choosePlacement("prod-eu", rules, "default")).toEqual({ ok: true, clusterId: "eu", mode: "production", via: { rule: rules[0], position: 1 } });
    expect(choosePlacement("pr-1-preview", rules, "default")).toEqual({ ok: true, clusterId: "cheap", mode: "preview", via: { rule: rules[1], position: 2 } });
  });

  it("an earlier rule shadows a later one that also matches", () => {
    const both = [rule("a", "*", "first"), rule("b", "prod-*", "second", "production")];
    expect(choosePlacement("prod-eu", both, null)).toMatchObject({ clusterId: "first", mode: "development", via: { position: 1 } });
  });

  it("a catch-all rule wins over the default cluster", () => {
    expect(choosePlacement("anything", rules, "default")).toMatchObject({ ok: true, clusterId: "catch-all", mode: "staging", via: { position: 3 } });
  });

  it("falls back to the default cluster, leaving the mode undecided", () => {
    expect(choosePlacement("qa", rules.slice(0, 2), "default")).toEqual({ ok: true, clusterId: "default", mode: null, via: "default" });
    expect(choosePlacement("qa", [], "default")).toEqual({ ok: true, clusterId: "default", mode: null, via: "default" });
  });

  it("a matching rule places the environment even when the organization has no default cluster", () => {
    expect(choosePlacement("prod-us", rules, null)).toMatchObject({ ok: true, clusterId: "eu" });
  });

  it("with no matching rule and no default cluster there is nowhere to go", () => {
    expect(choosePlacement("qa", rules.slice(0, 2), null)).toEqual({ ok: false, reason: "no-cluster" });
    expect(choosePlacement("qa", [], null)).toEqual({ ok: false, reason: "no-cluster" });
  });
});

describe("mode classes", () => {
  it("only production uses the production permissions; staging and preview count as development", () => {
    expect(environmentModes.map((mode) => [mode, modeClass(mode)])).toEqual([
      ["production", "production"],
      ["staging", "development"],
      ["development", "development"],
      ["preview", "development"],
    ]);
    expect(modesOf("production")).toEqual(["production"]);
    expect(modesOf("development")).toEqual(["staging", "development", "preview"]);
    expect(modePermission("environment", "delete", "preview")).toBe("environment.delete.development");
    expect(modePermission("environment", "stop", "production")).toBe("environment.stop.production");
  });
});

describe("the name cursor of project and environment lists", () => {
  const id = "0b5a4f4e-8f3b-4c56-9a0e-2d7f3c1e9b10";

  it("round-trips names with any characters", () => {
    for (const name of ["shop", "Ünïcødé / 名前", 'quo"te|pipe', ""]) expect(nameCursor.decode(nameCursor.encode({ name, id }))).toEqual({ name, id });
  });

  it("reads anything that is not one of ours as no cursor", () => {
    for (const raw of [undefined, null, "", "garbage", Buffer.from('["x","not-a-uuid"]').toString("base64url"), Buffer.from("[1,2]").toString("base64url"), Buffer.from('{"a":1}').toString("base64url")]) {
      expect(nameCursor.decode(raw)).toBeNull();
    }
  });
});
