import { orgRoute, plainResponse } from "@/lib/actions/org-route";
import { auditCsvFilename } from "@/lib/audit/csv";
import { auditCsvStream } from "@/lib/audit/export";
import { parseAuditFilters } from "@/lib/audit/filters";

// GET, as a plain link carrying the page's filters: the browser saves the file. The events stream
// out in keyset batches, so the export of a million events never sits in memory.
export const GET = orgRoute({ permission: "audit.read" }, async (ctx, _params, db, request) => {
  const { filters, errors } = parseAuditFilters(new URL(request.url).searchParams);
  const problems = Object.entries(errors).map(([field, message]) => `${field}: ${message}`);
  if (problems.length > 0) return plainResponse(400, `These filters cannot be used:\n${problems.join("\n")}`);
  return new Response(auditCsvStream(db, ctx.org.id, filters), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${auditCsvFilename(ctx.org.slug)}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
