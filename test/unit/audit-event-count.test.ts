import { describe, expect, it } from "vitest";
import { auditEventCountCap, describeAuditEvents, formatAuditEventCount } from "@/lib/orgs/audit-event-count";

describe("formatAuditEventCount", () => {
  it.each([
    [0, "0"],
    [1, "1"],
    [42, "42"],
    [9_999, "9,999"],
    [10_000, "10,000"],
    [10_001, "more than 10,000"],
    [1_000_000, "more than 10,000"],
  ])("%i → %j", (count, shown) => {
    expect(formatAuditEventCount(count)).toBe(shown);
  });

  it("caps at 10,000", () => {
    expect(auditEventCountCap).toBe(10_000);
  });
});

describe("describeAuditEvents", () => {
  it.each([
    [1, "1 audit event"],
    [2, "2 audit events"],
    [1_234, "1,234 audit events"],
    [10_001, "more than 10,000 audit events"],
  ])("%i → %j", (count, text) => {
    expect(describeAuditEvents(count)).toBe(text);
  });
});
