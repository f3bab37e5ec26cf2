import { describe, expect, it } from "vitest";
import { actionsInCategory } from "@/lib/audit/catalog";
import { auditCursor } from "@/lib/audit/cursor";
import { auditLogSearch, filterMessages, parseAuditFilters, parseAuditPage, parseDay } from "@/lib/audit/filters";

describe("audit log filters", () => {
  it("is empty without parameters", () => {
    const parsed = parseAuditFilters({});
    expect(parsed).toEqual({
      values: { actor: "", action: "", from: "", to: "" },
      filters: { actorEmail: null, actions: null, from: null, until: null },
      errors: {},
      active: false,
    });
  });

  it("reads an actor email in any case, one action, a category and a UTC day range", () => {
    const parsed = parseAuditFilters(new URLSearchParams({ actor: "  Alice@Example.TEST ", action: "member.role_change", from: "2026-11-01", to: "2026-11-22" }));
    expect(parsed.errors).toEqual({});
    expect(parsed.active).toBe(true);
    expect(parsed.filters).toEqual({
      actorEmail: "alice@example.test",
      actions: ["member.role_change"],
      from: new Date("2026-11-01T00:00:00Z"),
      // The "to" day is included: events before the next day's midnight.
      until: new Date("2026-11-23T00:00:00Z"),
    });
    expect(parseAuditFilters({ action: "members" }).filters.actions).toEqual(actionsInCategory("members"));
  });

  it("takes the first of repeated parameters (Next's searchParams give arrays)", () => {
    expect(parseAuditFilters({ action: ["invitation.create", "member.remove"] }).filters.actions).toEqual(["invitation.create"]);
  });

  it.each([
    [{ actor: "not-an-email" }, { actor: filterMessages.actor }],
    [{ action: "member.promote" }, { action: filterMessages.action }],
    [{ action: "'; drop table audit_events; --" }, { action: filterMessages.action }],
    [{ from: "yesterday" }, { from: filterMessages.date }],
    [{ from: "2026-02-30" }, { from: filterMessages.date }],
    [{ to: "2026-13-01" }, { to: filterMessages.date }],
    [{ from: "2026-11-22", to: "2026-11-21" }, { to: filterMessages.range }],
    [{ to: "1969-12-31" }, { to: filterMessages.date }],
  ])("refuses %j with a message for the field", (params, errors) => {
    const parsed = parseAuditFilters(params);
    expect(parsed.errors).toEqual(errors);
    expect(parsed.active).toBe(true);
  });

  it("keeps a bad value as typed, to show it again", () => {
    expect(parseAuditFilters({ from: "22/11/2026" }).values.from).toBe("22/11/2026");
  });

  it("accepts a one-day range and a leap day", () => {
    expect(parseAuditFilters({ from: "2028-02-29", to: "2028-02-29" }).errors).toEqual({});
    expect(parseDay("2027-02-29")).toBeNull();
  });

  it("builds the query string of a page, leaving out empty values", () => {
    const values = { actor: "a@b.test", action: "", from: "2026-11-01", to: "" };
    expect(auditLogSearch(values)).toBe("?actor=a%40b.test&from=2026-11-01");
    expect(auditLogSearch(values, { before: "abc" })).toBe("?actor=a%40b.test&from=2026-11-01&before=abc");
    expect(auditLogSearch({ actor: "", action: "", from: "", to: "" })).toBe("");
  });
});

const tuple = (json: string) => Buffer.from(json).toString("base64url");

describe("audit log cursors", () => {
  const cursor = { createdAt: "2026-11-22T14:03:09.123456Z", id: 1234567 };

  it("round-trips", () => {
    const encoded = auditCursor.encode(cursor);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(auditCursor.decode(encoded)).toEqual(cursor);
  });

  it.each([
    ["", "empty"],
    ["not a cursor!", "not base64url"],
    [tuple('["2026-11-22T14:03:09.123Z",5]'), "milliseconds only"],
    [tuple('["2026-11-22T14:03:09.123456Z",0]'), "id 0"],
    [tuple('["2026-11-22T14:03:09.123456Z",-3]'), "negative id"],
    [tuple('["2026-11-22T14:03:09.123456Z",99999999999999999]'), "id beyond a safe integer"],
    [tuple('["2026-11-22T14:03:09.123456Z","5"]'), "id as text"],
    [tuple('["2026-11-22T14:03:09.123456Z",5,"x"]'), "extra part"],
    [tuple('["2026-99-99T14:03:09.123456Z",5]'), "impossible date"],
    [Buffer.from("2026-11-22T14:03:09.123456Z|5").toString("base64url"), "the former text format"],
    ["A".repeat(200), "too long"],
  ])("refuses %j (%s)", (raw) => {
    expect(auditCursor.decode(raw)).toBeNull();
  });

  it("reads the page direction, and says when a cursor is not ours", () => {
    const encoded = auditCursor.encode(cursor);
    expect(parseAuditPage({})).toEqual({ direction: "older", cursor: null, cursorInvalid: false });
    expect(parseAuditPage({ before: encoded })).toEqual({ direction: "older", cursor, cursorInvalid: false });
    expect(parseAuditPage({ after: encoded })).toEqual({ direction: "newer", cursor, cursorInvalid: false });
    expect(parseAuditPage({ after: "junk" })).toEqual({ direction: "older", cursor: null, cursorInvalid: true });
    expect(parseAuditPage({ before: "junk" })).toEqual({ direction: "older", cursor: null, cursorInvalid: true });
  });
});
