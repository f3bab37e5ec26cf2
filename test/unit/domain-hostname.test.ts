import { describe, expect, it } from "vitest";
import { domainNameSchema, emailDomain, hostnameProblem } from "@/lib/domains/hostname";
import { addDomainSchema, domainPolicySchema } from "@/lib/domains/schemas";

// Issue 16, part 1: an email domain as people type it is kept as DNS knows it, and anything else
// gets a message that says what to fix.

const parse = (raw: string) => domainNameSchema.safeParse(raw);

describe("domain names", () => {
  it("keeps a domain lowercase, trimmed, without its trailing dot", () => {
    expect(parse("  Acme.COM. ").data).toBe("acme.com");
    expect(parse("mail.eu.acme.co.uk").data).toBe("mail.eu.acme.co.uk");
    expect(parse("xn--bcher-kva.example").data).toBe("xn--bcher-kva.example");
    expect(parse("acme.xn--p1ai").data).toBe("acme.xn--p1ai");
    expect(parse("a-b.io").data).toBe("a-b.io");
  });

  it.each([
    ["", /Enter a domain/],
    ["acme", /with a dot/],
    ["jane@acme.com", /without the part before @/],
    ["https://acme.com", /without https/],
    ["acme.com/path", /without https/],
    ["acme..com", /empty parts/],
    [".acme.com", /empty parts/],
    ["-acme.com", /hyphen/],
    ["acme-.com", /hyphen/],
    ["acme_corp.com", /letters, digits or hyphens/],
    [`${"a".repeat(64)}.com`, /63/],
    ["bücher.example", /ASCII form/],
    ["acme .com", /ASCII form/],
    ["127.0.0.1", /top-level domain/],
    ["acme.c0m", /top-level domain/],
    [`${"a.".repeat(130)}com`, /253/],
  ])("refuses %j", (raw, message) => {
    const result = parse(raw);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toMatch(message);
  });

  it("refuses odd input without throwing", () => {
    expect(addDomainSchema.safeParse({ domain: "\u0000acme.com" }).success).toBe(false);
    expect(addDomainSchema.safeParse({ domain: "x".repeat(100_000) }).success).toBe(false);
    expect(addDomainSchema.safeParse({}).success).toBe(false);
    expect(hostnameProblem("acme.com")).toBeNull();
  });

  it("finds the domain of an email address", () => {
    expect(emailDomain("Jane@Acme.COM")).toBe("acme.com");
    expect(emailDomain("a@b@acme.com")).toBe("acme.com");
    expect(emailDomain("nobody")).toBeNull();
    expect(emailDomain("@acme.com")).toBeNull();
    expect(emailDomain("jane@localhost")).toBeNull();
  });
});

describe("join policies", () => {
  const domainId = "5b0c8f5e-8c1e-4f37-9a55-0d6f5b0a4d11";
  it("never lets a domain give more than Developer", () => {
    expect(domainPolicySchema.safeParse({ domainId, policy: "auto_join", role: "developer" }).success).toBe(true);
    expect(domainPolicySchema.safeParse({ domainId, policy: "auto_join", role: "viewer" }).success).toBe(true);
    for (const role of ["admin", "owner", "Developer", ""]) {
      expect(domainPolicySchema.safeParse({ domainId, policy: "auto_join", role }).success).toBe(false);
    }
    expect(domainPolicySchema.safeParse({ domainId, policy: "anyone" }).success).toBe(false);
  });
});
