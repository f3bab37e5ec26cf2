import { describe, expect, it } from "vitest";
import { organizationDetailsSchema } from "@/lib/orgs/details";

const valid = { name: "Acme Corp", slug: "acme-corp", description: "", website: "", adminContactEmails: "" };

function parse(overrides: Partial<Record<keyof typeof valid, string>>) {
  return organizationDetailsSchema.safeParse({ ...valid, ...overrides });
}

function fieldError(overrides: Partial<Record<keyof typeof valid, string>>, field: keyof typeof valid) {
  const result = parse(overrides);
  if (result.success) return null;
  return result.error.issues.find((issue) => issue.path[0] === field)?.message ?? null;
}

function emails(raw: string): string[] {
  const result = parse({ adminContactEmails: raw });
  if (!result.success) throw new Error(result.error.issues[0].message);
  return result.data.adminContactEmails;
}

describe("organizationDetailsSchema: admin contact emails", () => {
  it("splits on commas and trims each address", () => {
    expect(emails(" ops@acme.test ,  billing@acme.test,cto@acme.test ")).toEqual(["ops@acme.test", "billing@acme.test", "cto@acme.test"]);
  });

  it("removes duplicates, case-insensitively, keeping the first position", () => {
    expect(emails("ops@acme.test, Billing@acme.test, OPS@acme.test, billing@ACME.test")).toEqual(["ops@acme.test", "billing@acme.test"]);
  });

  it("ignores empty entries and accepts an empty list", () => {
    expect(emails("ops@acme.test,, ,")).toEqual(["ops@acme.test"]);
    expect(emails("")).toEqual([]);
    expect(emails(" , ")).toEqual([]);
  });

  it("defaults to an empty list when the field is absent", () => {
    const { adminContactEmails: _omitted, ...withoutEmails } = valid;
    const result = organizationDetailsSchema.safeParse(withoutEmails);
    expect(result.success && result.data.adminContactEmails).toEqual([]);
  });

  it("names the invalid addresses", () => {
    expect(fieldError({ adminContactEmails: "ops@acme.test, not-an-email" }, "adminContactEmails")).toBe(
      "Not a valid email address: not-an-email.",
    );
    expect(fieldError({ adminContactEmails: "a@, ops@acme.test, b c@acme.test" }, "adminContactEmails")).toBe(
      "Not a valid email address: a@, b c@acme.test.",
    );
  });

  it("accepts ten addresses and refuses eleven", () => {
    const list = (n: number) => Array.from({ length: n }, (_, i) => `person${i}@acme.test`).join(", ");
    expect(emails(list(10))).toHaveLength(10);
    expect(fieldError({ adminContactEmails: list(11) }, "adminContactEmails")).toBe("Enter at most 10 addresses (you entered 11).");
  });

  it("counts addresses after removing duplicates", () => {
    const tenDistinct = Array.from({ length: 10 }, (_, i) => `person${i}@acme.test`);
    expect(emails([...tenDistinct, "PERSON0@acme.test"].join(","))).toHaveLength(10);
  });
});

describe("organizationDetailsSchema: website", () => {
  const website = (raw: string) => {
    const result = parse({ website: raw });
    if (!result.success) throw new Error(result.error.issues[0].message);
    return result.data.website;
  };

  it("adds https:// when no scheme is given", () => {
    expect(website("acme.test")).toBe("https://acme.test");
    expect(website("  www.acme.test/about  ")).toBe("https://www.acme.test/about");
  });

  it("keeps an explicit http or https address", () => {
    expect(website("https://acme.test")).toBe("https://acme.test");
    expect(website("http://acme.test/x?y=1")).toBe("http://acme.test/x?y=1");
  });

  it("allows an empty website", () => {
    expect(website("")).toBe("");
    expect(website("   ")).toBe("");
  });

  it.each(["ftp://acme.test", "https://", "not a website", "https://acme .test", "foo", "javascript:alert(1)", "https://user:secret@acme.test"])("refuses %j", (raw) => {
    expect(fieldError({ website: raw }, "website")).toBe("Enter a website address such as https://example.com.");
  });

  it.each(["javascript:alert(1)", "data:text/html,<script>", "JAVASCRIPT://x", "//acme.test"])(
    "never stores a link that is not http(s) (%j)",
    (raw) => {
      const result = parse({ website: raw });
      if (result.success) expect(result.data.website).toMatch(/^https?:\/\//);
    },
  );

  it("refuses addresses over 200 characters", () => {
    expect(fieldError({ website: `https://acme.test/${"a".repeat(200)}` }, "website")).toBe("The website must be at most 200 characters.");
  });
});

describe("organizationDetailsSchema: name, slug, description", () => {
  it("trims the company name and requires it", () => {
    const result = parse({ name: "  Acme  " });
    expect(result.success && result.data.name).toBe("Acme");
    expect(fieldError({ name: "   " }, "name")).toBe("Enter the company name.");
  });

  it("validates the slug with the slug rules", () => {
    expect(fieldError({ slug: "settings" }, "slug")).toBe("This slug is reserved. Choose another one.");
    expect(fieldError({ slug: "Acme Corp" }, "slug")).toBe("Use lowercase letters, digits and single hyphens, not at the start or end.");
  });

  it("limits the description to 1,000 characters", () => {
    expect(parse({ description: "d".repeat(1000) }).success).toBe(true);
    expect(fieldError({ description: "d".repeat(1001) }, "description")).toBe("The description must be at most 1,000 characters.");
  });
});
