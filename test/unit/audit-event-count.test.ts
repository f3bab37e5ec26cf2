import { describe, expect, it } from "vitest";
import { auditEventCountCap, describeAuditEvents, formatAuditEventCount } from "@/lib/orgs/audit-event-count";

describe("formatAuditEventCount", () => {
  it.each([
    [0, "0"],
    [1, "1"],
    [42, "42"],
    [99_999, "99,999"],
    [100_000, "100,000"],
    [100_001, "more than 100,000"],
    [1_000_000, "more than 100,000"],
  ])("%i → %j", (count, shown) => {
    expect(formatAuditEventCount(count)).toBe(shown);
  });

  it("caps at 100,000", () => {
    expect(auditEventCountCap).toBe(100_000);
  });
});

describe("describeAuditEvents", () => {
  it.each([
    [1, "1 audit event"],
    [2, "2 audit events"],
    [12_345, "12,345 audit events"],
    [100_001, "more than 100,000 audit events"],
  ])("%i → %j", (count, text) => {
    expect(describeAuditEvents(count)).toBe(text);
  });
});
