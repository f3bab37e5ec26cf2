import { describe, expect, it } from "vitest";
import { describeAuditEvent } from "@/lib/audit/catalog";
import { currentWeek, latestCompletedPeriod } from "@/lib/notifications/periods";
import { readUnsubscribe, signUnsubscribe, unsubscribeLink } from "@/lib/notifications/unsubscribe-token";

const orgId = "7580c508-7751-4b0a-bd4f-22c8d190f078";

describe("unsubscribe tokens", () => {
  it("round-trip organization, kind and the lower-cased address", () => {
    const token = signUnsubscribe({ orgId, kind: "monthly_report", email: "Ops@Example.test" });
    expect(readUnsubscribe(token)).toEqual({ orgId, kind: "monthly_report", email: "ops@example.test" });
    expect(unsubscribeLink("https://console.test/", { orgId, kind: "maintenance", email: "a@b.test" })).toMatch(/^https:\/\/console\.test\/api\/unsubscribe\/u1\./);
  });

  it("refuse any change, another version, a missing part or an unknown kind", () => {
    const token = signUnsubscribe({ orgId, kind: "infrastructure", email: "ops@example.test" });
    const parts = token.split(".");
    const variants = [
      parts.slice(0, 4).join("."),
      ["u2", ...parts.slice(1)].join("."),
      [parts[0], parts[1], "newsletter", ...parts.slice(3)].join("."),
      [...parts.slice(0, 4), parts[4].toUpperCase()].join("."),
      `${token}.extra`,
      "",
    ];
    for (const variant of variants) expect(readUnsubscribe(variant)).toBeNull();
  });
});

describe("report periods (UTC)", () => {
  it("a Sunday just before midnight is still in the week that started on Monday", () => {
    expect(currentWeek(new Date("2027-03-14T23:59:59Z")).start).toEqual(new Date("2027-03-08T00:00:00Z"));
    expect(latestCompletedPeriod("weekly", new Date("2027-03-14T23:59:59Z")).start).toEqual(new Date("2027-03-01T00:00:00Z"));
  });

  it("January's latest completed month is December of the year before", () => {
    expect(latestCompletedPeriod("monthly", new Date("2027-01-20T10:00:00Z"))).toEqual({
      kind: "monthly",
      start: new Date("2026-12-01T00:00:00Z"),
      end: new Date("2027-01-01T00:00:00Z"),
    });
  });
});

describe("notice audit events", () => {
  it("read as sentences", () => {
    const base = { actor: "Adam Admin", targetType: "organization", targetLabel: "Acme", before: null };
    expect(describeAuditEvent({ ...base, action: "notices.test_report", after: { recipients: ["ops@acme.test"] } })).toBe("Adam Admin sent a test usage report to ops@acme.test");
    expect(describeAuditEvent({ ...base, action: "notices.resubscribe", targetLabel: "ops@acme.test", after: { kind: "weekly_report" } })).toBe(
      "Adam Admin subscribed ops@acme.test again to weekly usage reports",
    );
  });
});
