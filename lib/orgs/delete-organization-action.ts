import type { Db } from "@/db/client";
import type { HandlerResult, OrgActionDefinition } from "@/lib/actions/run-action";
import type { OrgContext } from "@/lib/authz/context";
import { sendEmails } from "@/lib/mail/send";
import { organizationDeletedEmails } from "@/lib/mail/templates";
import { deleteOrganization, deleteOrganizationSchema, describeLoss } from "./deletion";

// The Danger Zone's delete action, declared here rather than in the page's "use server" module so
// the tests run exactly what the page runs, through the same door (runOrgAction).

export const deleteOrganizationDefinition = {
  permission: "org.delete",
  schema: deleteOrganizationSchema,
} satisfies OrgActionDefinition<typeof deleteOrganizationSchema>;

export async function handleDeleteOrganization(ctx: OrgContext, input: { confirmSlug: string }, db: Db): Promise<HandlerResult> {
  const outcome = await deleteOrganization(db, ctx, input);
  if (!outcome.ok) return outcome;
  const { deleted, lost, landingSlug, adminEmails } = outcome;
  const loss = describeLoss(lost);
  // After the commit: a slow mail server never holds the organization's lock.
  await sendEmails(
    organizationDeletedEmails({ orgName: deleted.name, slug: deleted.slug, deletedBy: ctx.actor.name ?? ctx.actor.email, lost: loss, to: adminEmails, at: new Date() }),
  );
  return { ok: true, message: `${deleted.name} was deleted, with ${loss}.`, redirectTo: landingSlug ? `/orgs/${landingSlug}` : "/" };
}
