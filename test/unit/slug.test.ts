import { describe, expect, it } from "vitest";
import { reservedSlugs, slugify, slugLength, slugSchema, slugWithSuffix } from "@/lib/orgs/slug";

const errorOf = (value: string) => {
  const result = slugSchema.safeParse(value);
  return result.success ? null : result.error.issues[0].message;
};

describe("slugify", () => {
  it.each([
    ["Acme Corp", "acme-corp"],
    ["  Acme   Corp  ", "acme-corp"],
    ["Crème Brûlée Ltd.", "creme-brulee-ltd"],
    ["ACME__Robotics!!", "acme-robotics"],
    ["--already-a-slug--", "already-a-slug"],
    ["Über 9000", "uber-9000"],
  ])("%j → %j", (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it("pads names too short to be a slug", () => {
    expect(slugify("AB")).toBe("ab-org");
    expect(slugify("!!!")).toBe("org-org");
    expect(slugify("")).toBe("org-org");
  });

  it("steps around reserved words", () => {
    expect(slugify("Settings")).toBe("settings-org");
    expect(slugify("API")).toBe("api-org");
  });

  it("cuts long names at the maximum length without a trailing hyphen", () => {
    const slug = slugify(`${"a".repeat(39)} bcd`);
    expect(slug.length).toBeLessThanOrEqual(slugLength.max);
    expect(slug.endsWith("-")).toBe(false);
  });

  it.each(["Acme Corp", "AB", "Settings", "x".repeat(80), "Crème Brûlée", "-", "Ünïcødé ✓ 東京"])(
    "always produces a slug the schema accepts (%j)",
    (name) => {
      expect(errorOf(slugify(name))).toBeNull();
    },
  );
});

describe("slugWithSuffix", () => {
  it("adds a random tail and stays a valid slug", () => {
    const slug = slugWithSuffix("acme-corp");
    expect(slug).toMatch(/^acme-corp-[a-z0-9]+$/);
    expect(errorOf(slug)).toBeNull();
  });

  it("stays within the maximum length for long bases", () => {
    const slug = slugWithSuffix("a".repeat(slugLength.max));
    expect(slug.length).toBeLessThanOrEqual(slugLength.max);
    expect(errorOf(slug)).toBeNull();
  });
});

describe("slugSchema", () => {
  it("accepts lowercase words joined by single hyphens", () => {
    expect(errorOf("acme")).toBeNull();
    expect(errorOf("acme-corp-2")).toBeNull();
    expect(slugSchema.parse("  acme  ")).toBe("acme");
  });

  it("enforces the length bounds", () => {
    expect(errorOf("a".repeat(slugLength.min))).toBeNull();
    expect(errorOf("a".repeat(slugLength.max))).toBeNull();
    expect(errorOf("a".repeat(slugLength.min - 1))).toBe(`The slug must be at least ${slugLength.min} characters.`);
    expect(errorOf("a".repeat(slugLength.max + 1))).toBe(`The slug must be at most ${slugLength.max} characters.`);
  });

  it.each(["Acme", "acme--corp", "-acme", "acme-", "acme corp", "acme_corp", "acmé"])("refuses %j", (slug) => {
    expect(errorOf(slug)).toBe("Use lowercase letters, digits and single hyphens, not at the start or end.");
  });

  it("refuses every reserved word", () => {
    for (const word of reservedSlugs) {
      if (word.length < slugLength.min || !/^[a-z0-9-]+$/.test(word)) continue;
      expect(errorOf(word), word).toBe("This slug is reserved. Choose another one.");
    }
  });

  it("reserves the routes next to /orgs/[slug]", () => {
    for (const word of ["new", "settings", "api", "orgs", "invitations", "account"]) expect(reservedSlugs.has(word)).toBe(true);
  });
});
