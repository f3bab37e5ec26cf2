import { z } from "zod";
import { defineOrgAction } from "@/lib/actions/define";
import { appUrl } from "@/lib/http/app-url";
import { sendEmails } from "@/lib/mail/send";
import { powerChangeEmails } from "@/lib/mail/member-templates";
import { ownershipTransferredEmails } from "@/lib/mail/templates";
import { bulkRemovalSchema, removeMembers } from "./bulk-removal";
import * as change from "./membership-changes";
import { assignableRoles } from "./rules";

// The Members page's member actions (the Danger Zone and /account reuse leave and transfer).

export const memberSchema = z.object({ userId: z.uuid("Choose a member of the organization.") });
export const roleSchema = z.enum(assignableRoles, "Choose Admin, Developer or Viewer.");

export const changeMemberRole = defineOrgAction({ permission: "member.changeRole", schema: memberSchema.extend({ role: roleSchema }) }, async (ctx, input, db) => {
  const outcome = await change.changeMemberRole(db, ctx, input);
  if (!("powerChange" in outcome)) return outcome;
  // After the commit, as the ownership and plan emails: a slow mail server never holds the lock.
  const { powerChange } = outcome;
  const link = `${await appUrl()}/orgs/${ctx.org.slug}/settings/members`;
  const actor = { name: ctx.actor.name ?? ctx.actor.email, email: ctx.actor.email };
  const unsent = await sendEmails(powerChangeEmails({ ...powerChange, orgName: ctx.org.name, slug: ctx.org.slug, actor, link, at: new Date() }));
  return { ok: true, message: unsent.length === 0 ? outcome.message : `${outcome.message} The notice to ${unsent.join(", ")} could not be emailed.` };
});

export const removeMember = defineOrgAction({ permission: "member.remove", schema: memberSchema }, (ctx, input, db) =>
  change.removeMember(db, ctx, input),
);

/** Access review: several members at once, all or none (lib/members/bulk-removal.ts). */
export const removeSelectedMembers = defineOrgAction({ permission: "member.remove", schema: bulkRemovalSchema }, (ctx, input, db) =>
  removeMembers(db, ctx, input),
);

// Any member may leave (the door asks for the permission every role holds; the owner is told to
// transfer first); afterwards the organization is gone from their reach, so they land on `/`.
export const leaveOrganization = defineOrgAction({ permission: "project.read", schema: z.object({}) }, async (ctx, _input, db) => {
  const result = await change.leaveOrganization(db, ctx);
  return result.ok ? { ...result, redirectTo: "/" } : result;
});

/** The same from /account's list of organizations, where the user stays afterwards. */
export const leaveOrganizationFromAccount = defineOrgAction({ permission: "project.read", schema: z.object({}) }, (ctx, _input, db) =>
  change.leaveOrganization(db, ctx),
);

export const transferOwnership = defineOrgAction(
  { permission: "ownership.transfer", schema: memberSchema.extend({ confirmEmail: z.string().max(320) }) },
  async (ctx, input, db) => {
    const outcome = await change.transferOwnership(db, ctx, input);
    if (!outcome.ok) return outcome;
    // After the commit: a slow or failing mail server never holds the organization's lock.
    const link = `${await appUrl()}/orgs/${ctx.org.slug}`;
    await sendEmails(ownershipTransferredEmails({ orgName: ctx.org.name, previousOwner: outcome.previousOwner, newOwner: outcome.newOwner, link }));
    return { ok: true, message: outcome.message };
  },
);
