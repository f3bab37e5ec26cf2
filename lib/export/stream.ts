import "server-only";
import type { Queryable } from "@/db/client";
import { auditEventBatches } from "@/lib/audit/export";
import type { AuditFilters } from "@/lib/audit/filters";
import { presentAuditEvent } from "@/lib/audit/present";
import type { AuditEventRow } from "@/lib/audit/queries";
import type { OrgContext } from "@/lib/authz/context";
import { exportSchemaVersion, type ExportScope } from "./schema";
import {
  invitationBatches,
  joinRequestBatches,
  memberBatches,
  projectBatches,
  readBillingDetails,
  readCloudAccounts,
  readClusters,
  readDomains,
  readGitConnection,
} from "./sections";

// The organization export as a JSON byte stream, written piece by piece: the small sections whole,
// the lists that grow with the organization (members, invitations, join requests, projects, the audit log) one
// keyset batch per piece. A piece is read only when the client has taken the previous one (pull),
// so a million audit events never sit in memory. The sections are read in turn, not in one
// snapshot: a change made during a long download may show in a later section only.

export type ExportBatchSizes = { members: number; invitations: number; joinRequests: number; projects: number; auditLog: number };
export const exportBatchSizes: ExportBatchSizes = { members: 1_000, invitations: 1_000, joinRequests: 1_000, projects: 100, auditLog: 1_000 };

const noFilters: AuditFilters = { actorEmail: null, actions: null, from: null, until: null };

/** attachment; filename="org-export-acme-2026-12-04.json" (a slug is [a-z0-9-] only). */
export function exportFilename(slug: string, now = new Date()): string {
  return `org-export-${slug.replace(/[^a-z0-9-]/g, "-")}-${now.toISOString().slice(0, 10)}.json`;
}

/** Billing details are the owner's (README "Export"): an admin's export keeps the event, not its values. */
const ownerOnlyActions = /^billing\.details/;

function auditEventOf(row: AuditEventRow, scope: ExportScope) {
  const view = presentAuditEvent(row);
  const redacted = scope === "admin" && ownerOnlyActions.test(row.action);
  return {
    id: row.id,
    createdAt: row.createdAt,
    action: row.action,
    description: view.description,
    actor: { id: row.actorId, label: row.actorLabel },
    target: { type: row.targetType, id: row.targetId, label: row.targetLabel },
    origin: row.origin,
    before: redacted ? null : (row.before ?? null),
    after: redacted ? null : (row.after ?? null),
    ...(redacted ? { redacted: true } : {}),
  };
}

const key = (name: string, value: unknown) => `${JSON.stringify(name)}:${JSON.stringify(value)}`;

/** `"name":[…]` a batch per piece; `last` leaves off the comma that separates it from what follows. */
async function* arrayPieces<Row>(name: string, batches: AsyncIterable<Row[]>, map: (row: Row) => unknown): AsyncGenerator<string> {
  yield `${JSON.stringify(name)}:[`;
  let first = true;
  for await (const batch of batches) {
    if (batch.length === 0) continue;
    yield `${first ? "" : ","}${batch.map((row) => JSON.stringify(map(row))).join(",")}`;
    first = false;
  }
  yield "]";
}

async function* exportPieces(db: Queryable, ctx: OrgContext, scope: ExportScope, exportedAt: Date, sizes: ExportBatchSizes): AsyncGenerator<string> {
  const { org, actor } = ctx;
  const orgId = org.id;
  const organization = {
    id: org.id,
    slug: org.slug,
    name: org.name,
    description: org.description,
    website: org.website,
    adminContactEmails: org.adminContactEmails,
    kind: org.kind,
    plan: org.plan,
    memberCount: org.memberCount,
    deletionRequestedAt: org.deletionRequestedAt,
    createdAt: org.createdAt,
    updatedAt: org.updatedAt,
  };
  const head = [
    key("schemaVersion", exportSchemaVersion),
    key("exportedAt", exportedAt),
    key("exportedBy", { id: actor.id, name: actor.name, email: actor.email, role: scope }),
    key("scope", scope),
    key("organization", organization),
  ];
  if (scope === "owner") head.push(key("billingDetails", await readBillingDetails(db, orgId)));
  yield `{${head.join(",")},`;
  yield* arrayPieces("members", memberBatches(db, orgId, sizes.members), (row) => row);
  yield ",";
  yield* arrayPieces("invitations", invitationBatches(db, orgId, sizes.invitations), (row) => row);
  yield `,${key("domains", await readDomains(db, orgId))},`;
  yield* arrayPieces("joinRequests", joinRequestBatches(db, orgId, sizes.joinRequests), (row) => row);
  yield `,${key("clusters", await readClusters(db, orgId))},${key("cloudAccounts", await readCloudAccounts(db, orgId))},${key("git", await readGitConnection(db, orgId))},`;
  yield* arrayPieces("projects", projectBatches(db, orgId, sizes.projects), (row) => row);
  yield ",";
  yield* arrayPieces("auditLog", auditEventBatches(db, orgId, noFilters, sizes.auditLog), (row) => auditEventOf(row, scope));
  yield "}\n";
}

/** The export document (lib/export/schema.ts) as bytes, pulled a piece at a time. */
export function organizationExportStream(
  db: Queryable,
  ctx: OrgContext,
  options: { scope: ExportScope; exportedAt?: Date; batchSizes?: ExportBatchSizes },
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const pieces = exportPieces(db, ctx, options.scope, options.exportedAt ?? new Date(), options.batchSizes ?? exportBatchSizes);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await pieces.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        // Headers are gone already: the download ends broken (and the JSON unparsable), never short.
        console.error("organization export failed", error);
        controller.error(error);
      }
    },
    async cancel() {
      await pieces.return(undefined);
    },
  });
}
