"use server";

import { z } from "zod";
import { orgAction } from "@/lib/actions/org-action";
import { signOut } from "@/lib/auth";
import { rememberActiveOrganization } from "@/lib/orgs/queries";
import { findSection, orgHref } from "@/lib/orgs/sections";

/**
 * The navbar switcher. Membership of the target organization is checked at the door like any
 * mutation (it writes the user's last active organization); the user stays on the same section
 * when their role there opens it, else lands on the organization's home.
 */
export const switchOrganization = orgAction(
  { permission: "project.read", schema: z.object({ section: z.string().max(200).default("") }) },
  async (ctx, { section }, db) => {
    await rememberActiveOrganization(db, ctx.actor.id, ctx.org.id);
    const target = findSection(section);
    const path = target && ctx.can(target.permission) ? target.path : "";
    return { ok: true, redirectTo: orgHref(ctx.org.slug, path) };
  },
);

// Ends the caller's own session; there is nothing to authorize.
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in" });
}
