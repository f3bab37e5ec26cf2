import { defineOrgAction } from "@/lib/actions/define";
import { transferProject as transfer, transferProjectSchema } from "@/lib/projects/transfer";

// The door checks project.transfer in the source (the URL's organization); the domain checks
// project.create in the destination.
export const transferProject = defineOrgAction({ permission: "project.transfer", schema: transferProjectSchema }, async (ctx, input, db) => {
  const outcome = await transfer(db, ctx, input);
  if (!outcome.ok) return outcome;
  const { project, destination } = outcome.plan;
  // The project now lives at the destination's URL; the source's URL for it is a 404.
  return { ok: true, message: outcome.message, redirectTo: `/orgs/${destination.slug}/projects/${project.id}` };
});
