import "server-only";
import { and, asc, eq, ilike, inArray, ne, or, sql } from "drizzle-orm";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { memberships, organizations } from "@/db/schema";
import { memberRoles } from "@/db/schema/values";
import type { OrgContext } from "@/lib/authz/context";
import { roleHasPermission, roleLabels } from "@/lib/authz/permissions";
import { transferPreview, type TransferPreviewOutcome } from "@/lib/projects/transfer";
import { findProjectInOrg, type ProjectSummary } from "@/lib/projects/transfer-plan";
import { containsPattern } from "@/lib/search/contains-pattern";
import { z } from "zod";
import { loadSettingsPage, type SettingsPageAccess } from "./settings-page";

export type DestinationChoice = { slug: string; name: string; roleLabel: string; personal: boolean };

export type ProjectTransferPage = {
  ctx: OrgContext;
  project: ProjectSummary;
  /** The caller's other organizations where their role creates projects, by name, at most `destinationLimit`. */
  destinations: DestinationChoice[];
  /** More organizations match than are listed: the page offers a search. */
  moreDestinations: boolean;
  query: string;
  /** The slug asked for with ?to=, and what transferring there would do. */
  chosen: string | null;
  preview: TransferPreviewOutcome | null;
};

export type ProjectTransferAccess = { ok: true; page: ProjectTransferPage } | Extract<SettingsPageAccess, { ok: false }>;

export const destinationLimit = 50;
/** How many re-targeted environments the preview lists; the counts cover them all. */
export const previewEnvironmentLimit = 50;

const creatorRoles = memberRoles.filter((role) => roleHasPermission(role, "project.create"));
const isUuid = (value: string) => z.uuid().safeParse(value).success;

/**
 * The transfer page: the project (scoped by the URL's organization; 404 otherwise), where the caller
 * may move it, and, for ?to=<slug>, the preview. Four statements: membership, project,
 * destinations, and the preview's reads when one is asked for.
 */
export async function loadProjectTransferPage(slug: string, projectId: string, search: { to?: string; q?: string }): Promise<ProjectTransferAccess> {
  const access = await loadSettingsPage(slug, "project.transfer");
  if (!access.ok) return access;
  const { ctx } = access;
  const db = await getDb();
  const project = isUuid(projectId) ? await findProjectInOrg(db, ctx.org.id, projectId) : null;
  if (!project) notFound();
  const query = (search.q ?? "").trim().slice(0, 100);
  const chosen = search.to?.trim() ? search.to.trim().slice(0, 100) : null;
  const [rows, preview] = await Promise.all([
    db
      .select({ slug: organizations.slug, name: organizations.name, kind: organizations.kind, role: memberships.role })
      .from(memberships)
      .innerJoin(organizations, eq(organizations.id, memberships.orgId))
      .where(
        and(
          eq(memberships.userId, ctx.actor.id),
          inArray(memberships.role, creatorRoles),
          ne(organizations.id, ctx.org.id),
          query ? or(ilike(organizations.name, containsPattern(query) ?? ""), ilike(organizations.slug, containsPattern(query) ?? "")) : undefined,
        ),
      )
      .orderBy(asc(sql`lower(${organizations.name})`), asc(organizations.slug))
      .limit(destinationLimit + 1),
    chosen ? transferPreview(db, ctx, { projectId: project.id, destinationSlug: chosen }) : null,
  ]);
  return {
    ok: true,
    page: {
      ctx,
      project,
      destinations: rows
        .slice(0, destinationLimit)
        .map((row) => ({ slug: row.slug, name: row.name, roleLabel: roleLabels[row.role], personal: row.kind === "personal" })),
      moreDestinations: rows.length > destinationLimit,
      query,
      chosen,
      preview,
    },
  };
}
