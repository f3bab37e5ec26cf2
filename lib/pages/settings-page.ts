import "server-only";
import type { OrgContext } from "@/lib/authz/context";
import { minimumRoleFor, type Permission, roleLabels } from "@/lib/authz/permissions";
import { loadOrgPage } from "./org-page";

export type SettingsPageAccess =
  | { ok: true; ctx: OrgContext }
  | { ok: false; denial: { requiredRole: string; currentRole: string; orgName: string; homeHref: string } };

/** A settings page's context, or what to tell a member whose role does not open it. */
export async function loadSettingsPage(slug: string, permission: Permission = "org.read"): Promise<SettingsPageAccess> {
  const ctx = await loadOrgPage(slug);
  if (ctx.can(permission)) return { ok: true, ctx };
  return {
    ok: false,
    denial: {
      requiredRole: roleLabels[minimumRoleFor(permission)],
      currentRole: roleLabels[ctx.role],
      orgName: ctx.org.name,
      homeHref: `/orgs/${ctx.org.slug}`,
    },
  };
}
