import { describe, expect, it } from "vitest";
import { memberRoles, roleRank } from "@/lib/authz/permissions";
import { effectiveRole, parseViewAsCookie, viewAsCookieValue, viewAsRoles, viewingRefusal } from "@/lib/authz/view-as";

const orgId = "0b7c1a52-3f7e-4d0a-9a51-6a1f2b3c4d5e";
const otherOrgId = "8f0e2d1c-4b3a-4c5d-8e6f-7a8b9c0d1e2f";

describe("effectiveRole", () => {
  it.each(memberRoles.flatMap((real) => memberRoles.map((chosen) => [real, chosen] as const)))("real %s, cookie %s: the lower of the two, never above the real role", (real, chosen) => {
    const { role, viewingAs } = effectiveRole(real, orgId, { orgId, role: chosen });
    const expected = roleRank[chosen] < roleRank[real] ? chosen : real;
    expect(role).toBe(expected);
    expect(roleRank[role]).toBeLessThanOrEqual(roleRank[real]);
    // Only a role strictly below the real one is a view (a banner, writes refused).
    expect(viewingAs).toEqual(roleRank[chosen] < roleRank[real] ? { role: chosen, realRole: real } : null);
  });

  it("ignores a choice made for another organization", () => {
    expect(effectiveRole("owner", orgId, { orgId: otherOrgId, role: "viewer" })).toEqual({ role: "owner", viewingAs: null });
  });

  it("is the real role without a cookie", () => {
    expect(effectiveRole("admin", orgId, null)).toEqual({ role: "admin", viewingAs: null });
    expect(effectiveRole("admin", orgId, undefined)).toEqual({ role: "admin", viewingAs: null });
  });
});

describe("parseViewAsCookie", () => {
  it("reads what viewAsCookieValue writes", () => {
    expect(parseViewAsCookie(viewAsCookieValue({ orgId, role: "developer" }))).toEqual({ orgId, role: "developer" });
    expect(parseViewAsCookie(`${orgId.toUpperCase()}:viewer`)).toEqual({ orgId, role: "viewer" });
  });

  it.each([
    undefined,
    null,
    "",
    "viewer",
    `${orgId}`,
    `${orgId}:`,
    `${orgId}:superuser`,
    `${orgId}:Viewer`,
    `${orgId}:viewer:owner`,
    `not-a-uuid:viewer`,
    `${orgId}:viewer${" ".repeat(100)}`,
    `${orgId};viewer`,
    "%00:viewer",
  ])("ignores a malformed value: %j", (value) => {
    expect(parseViewAsCookie(value)).toBeNull();
    // …so the request acts with the real role.
    expect(effectiveRole("owner", orgId, parseViewAsCookie(value))).toEqual({ role: "owner", viewingAs: null });
  });
});

describe("viewAsRoles", () => {
  it("offers only the roles strictly below the caller's", () => {
    expect(viewAsRoles("owner")).toEqual(["admin", "developer", "viewer"]);
    expect(viewAsRoles("admin")).toEqual(["developer", "viewer"]);
    expect(viewAsRoles("developer")).toEqual(["viewer"]);
    expect(viewAsRoles("viewer")).toEqual([]);
  });
});

it("the refusal names the role being viewed as", () => {
  expect(viewingRefusal("viewer")).toBe("You are viewing as Viewer. Stop viewing to make changes.");
});
