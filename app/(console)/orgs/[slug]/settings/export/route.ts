import { orgRoute, plainResponse } from "@/lib/actions/org-route";
import { organizationBeingDeleted, staleAccess } from "@/lib/authz/org-transaction";
import { exportRefusalMessage, startOrganizationExport } from "@/lib/export/record";
import { exportFilename, organizationExportStream } from "@/lib/export/stream";
import { retryAfterSeconds } from "@/lib/rate-limit/messages";

// GET, as a plain link: the browser saves the file. The download is audited (org.export) before the
// first byte, then the document streams out in keyset batches (lib/export/stream.ts).
export const GET = orgRoute({ permission: "org.export" }, async (ctx, _params, db) => {
  const start = await startOrganizationExport(db, ctx);
  if (!start.ok) {
    if (start.why === "limited") {
      const refused = plainResponse(429, exportRefusalMessage(start.refusal));
      refused.headers.set("Retry-After", String(retryAfterSeconds(start.refusal)));
      return refused;
    }
    return plainResponse(start.why === "deleting" ? 409 : 403, start.why === "deleting" ? organizationBeingDeleted : staleAccess);
  }
  return new Response(organizationExportStream(db, ctx, { scope: start.scope }), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFilename(ctx.org.slug)}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
