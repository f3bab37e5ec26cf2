import type { Queryable } from "@/db/client";
import type { OrgContext } from "@/lib/authz/context";
import { listProjects } from "./queries";

export type PaletteProject = { id: string; name: string; key: string; href: string };
export type PaletteProjects = { projects: PaletteProject[]; more: boolean };

/** The palette shows a handful; typing narrows it. */
export const paletteLimit = 10;

/** The ⌘K palette's projects: those of the authorized organization whose name or key contains `q`. */
export async function paletteProjects(db: Queryable, ctx: OrgContext, q: string): Promise<PaletteProjects> {
  const page = await listProjects(db, ctx.org.id, { q, limit: paletteLimit });
  return {
    projects: page.projects.map(({ id, name, key }) => ({ id, name, key, href: `/orgs/${ctx.org.slug}/projects/${id}` })),
    more: page.nextCursor !== null,
  };
}
