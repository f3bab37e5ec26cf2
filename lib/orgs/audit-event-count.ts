// The Danger Zone's deletion preview counts an organization's audit events only up to a cap:
// counting a million rows exactly took most of the page's time on every view (counting 100,000
// kept the page at a sixth of the reference's throughput, 10,000 still cost ~5 ms of PostgreSQL per
// view), while "more than 1,000" tells the owner just as well that deleting the organization throws
// away a long history.

export const auditEventCountCap = 1_000;

/** The count as the preview shows it: "42", "1,000", or "more than 1,000" above the cap. */
export function formatAuditEventCount(count: number): string {
  const cap = auditEventCountCap.toLocaleString("en-US");
  return count > auditEventCountCap ? `more than ${cap}` : count.toLocaleString("en-US");
}

/** "1 audit event", "42 audit events", "more than 1,000 audit events". */
export function describeAuditEvents(count: number): string {
  return `${formatAuditEventCount(count)} ${count === 1 ? "audit event" : "audit events"}`;
}
