import { orgRoute, plainResponse } from "@/lib/actions/org-route";
import { findAuditEventDetails, parseAuditEventId } from "@/lib/audit/event-details";

// GET one event's details (its before and after values) for the audit log's Details dialog: the
// page itself carries only each row's summary, so it weighs the same whatever the values hold.
// The door is the page's (audit.read on the URL's organization); the event is looked up by id
// AND organization, so another organization's event is as missing as a made-up one.
export const GET = orgRoute<{ slug: string; id: string }>({ permission: "audit.read" }, async (ctx, params, db) => {
  const id = parseAuditEventId(String(params.id));
  const event = id === null ? null : await findAuditEventDetails(db, ctx.org.id, id);
  if (!event) return plainResponse(404, "This event does not exist in this organization.");
  return Response.json(event, { headers: { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } });
});
