import type { Db } from "@/db/client";
import type { HandlerResult, OrgActionDefinition } from "@/lib/actions/run-action";
import type { OrgContext } from "@/lib/authz/context";
import { type TransferInput, transferProject, transferProjectSchema } from "@/lib/projects/transfer";

// The transfer page's server action, declared here (not in the "use server" module) so the tests
// run exactly what the page runs, through the same door. The door checks project.transfer in the
// source (the URL's organization); the domain checks project.create in the destination.

export const transferProjectDefinition = {
  permission: "project.transfer",
  schema: transferProjectSchema,
} satisfies OrgActionDefinition<typeof transferProjectSchema>;

export async function handleTransferProject(ctx: OrgContext, input: TransferInput, db: Db): Promise<HandlerResult> {
  const outcome = await transferProject(db, ctx, input);
  if (!outcome.ok) return outcome;
  const { project, destination } = outcome.plan;
  // The project now lives at the destination's URL; the source's URL for it is a 404.
  return { ok: true, message: outcome.message, redirectTo: `/orgs/${destination.slug}/projects/${project.id}` };
}
