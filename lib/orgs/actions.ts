import { z } from "zod";
import { defineOrgAction, defineUserAction } from "@/lib/actions/define";
import { billingProvider } from "@/lib/billing/provider";
import { sendEmails } from "@/lib/mail/send";
import { organizationDeletedEmails } from "@/lib/mail/templates";
import { orgCreationLimit } from "@/lib/rate-limit/limits";
import { orgCreationRefusalMessage } from "@/lib/rate-limit/messages";
import { orgTransaction } from "@/lib/authz/org-transaction";
import { findActor } from "@/lib/users/create-user";
import { createTeamOrganization } from "./create";
import { deleteOrganization as deleteWithEverything, deleteOrganizationSchema } from "./deletion";
import { describeLoss } from "./deletion-preview";
import { cancelTeardown, retryTeardown } from "./guided-deletion";
import { organizationDetailsSchema } from "./details";
import { newOrganizationSchema } from "./new-organization";
import { rememberActiveOrganization } from "./queries";
import { findSection, orgHref } from "./sections";
import { updateOrganizationDetails } from "./update-details";

// The organization's own actions: General Information, the Danger Zone's deletion, "New
// organization" and the navbar switcher.

export const updateGeneralInformation = defineOrgAction({ permission: "org.edit", schema: organizationDetailsSchema }, async (ctx, details, db) => {
  const result = await updateOrganizationDetails(db, ctx, details);
  if ("formError" in result) return result;
  if (!result.ok) return { ok: false, fieldErrors: { slug: "Another organization already uses this slug. Choose another one." } };
  if (!result.changed) return { ok: true, message: "Nothing to update: no field changed." };
  if (result.slugChanged) {
    return { ok: true, message: "General information updated. The organization has a new URL.", redirectTo: `/orgs/${result.slug}/settings/general` };
  }
  return { ok: true, message: "General information updated." };
});

export const deleteOrganization = defineOrgAction({ permission: "org.delete", schema: deleteOrganizationSchema }, async (ctx, input, db) => {
  const outcome = await deleteWithEverything(db, ctx, input);
  if (!outcome.ok) return outcome;
  if ("tearingDown" in outcome) {
    const clusters = outcome.tearingDown === 1 ? "its cluster is" : `its ${outcome.tearingDown} clusters are`;
    return { ok: true, message: `${ctx.org.name} is being deleted: ${clusters} being torn down. It is read-only meanwhile; owners and admins get an email when it is gone.` };
  }
  const { deleted, lost, landingSlug, adminEmails } = outcome;
  const loss = describeLoss(lost);
  // After the commit: a slow mail server never holds the organization's lock.
  await sendEmails(
    organizationDeletedEmails({ orgName: deleted.name, slug: deleted.slug, deletedBy: ctx.actor.name ?? ctx.actor.email, lost: loss, to: adminEmails, at: new Date() }),
  );
  return { ok: true, message: `${deleted.name} was deleted, with ${loss}.`, redirectTo: landingSlug ? `/orgs/${landingSlug}` : "/" };
});

/** The guided deletion's own actions, the only writes an organization being deleted accepts. */
export const retryOrganizationDeletion = defineOrgAction({ permission: "org.delete", schema: z.object({}) }, (ctx, _input, db) =>
  orgTransaction(db, ctx, { permission: "org.delete", duringDeletion: true }, (tx) => retryTeardown(tx, ctx)),
);

export const cancelOrganizationDeletion = defineOrgAction({ permission: "org.delete", schema: z.object({}) }, (ctx, _input, db) =>
  orgTransaction(db, ctx, { permission: "org.delete", duringDeletion: true }, (tx) => cancelTeardown(tx, ctx)),
);

export const createOrganization = defineUserAction({ schema: newOrganizationSchema }, async (userId, input, db) => {
  // The billing provider decides who may start on a paid plan, as it does for a plan change.
  const choice = billingProvider().mayChoose(input.plan);
  if (!choice.ok) return { ok: false, fieldErrors: { plan: choice.reason } };
  const creator = await findActor(db, userId);
  if (!creator) return { ok: false, formError: "Your account no longer exists. Sign in again." };
  const result = await createTeamOrganization(db, creator, input, { limit: orgCreationLimit(creator.id) });
  if (!result.ok && "limited" in result) return { ok: false, formError: orgCreationRefusalMessage(result.limited) };
  if (!result.ok) return { ok: false, fieldErrors: { slug: "Another organization already uses this slug. Choose another one." } };
  return { ok: true, message: `${result.org.name} is ready. You are its owner.`, redirectTo: `/orgs/${result.org.slug}` };
});

/**
 * The navbar switcher. Membership of the target organization is checked at the door like any
 * mutation (it writes the user's last active organization); the user stays on the same section
 * when their role there opens it, else lands on the organization's home.
 */
export const switchOrganization = defineOrgAction(
  // Remembers where the user was (their own row, not the organization's): fine while viewing as a role.
  { permission: "project.read", schema: z.object({ section: z.string().max(200).default("") }), whileViewing: "allowed" },
  async (ctx, { section }, db) => {
    await rememberActiveOrganization(db, ctx.actor.id, ctx.org.id);
    const target = findSection(section);
    const path = target && ctx.can(target.permission) ? target.path : "";
    return { ok: true, redirectTo: orgHref(ctx.org.slug, path) };
  },
);
