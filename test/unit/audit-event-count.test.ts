import { describe, expect, it } from "vitest";
import { auditEventCountCap, describeAuditEvents, formatAuditEventCount } from "@/lib/orgs/audit-event-count";

describe("formatAuditEventCount", () => {
  it.each([
    [0, "0"],
    [1, "1"],
    [42, "42"],
    [999, "999"],
    [1_000, "1,000"],
    [1_001, "more than 1,000"],
    [1_000_000, "more than 1,000"],
  ])("%i → %j", (count, shown) => {
    expect(formatAuditEventCount(count)).toBe(shown);
  });

  it("caps at 1,000", () => {
    expect(auditEventCountCap).toBe(1_000);
  });
});

describe("describeAuditEvents", () => {
  it.each([
    [1, "1 audit event"],
    [2, "2 audit events"],
    [1_000, "1,000 audit events"],
    [1_001, "more than 1,000 audit events"],
  ])("%i → %j", (count, text) => {
    expect(describeAuditEvents(count)).toBe(text);
  });
});
