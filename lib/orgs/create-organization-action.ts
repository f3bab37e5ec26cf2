import type { Db } from "@/db/client";
import type { HandlerResult, UserActionDefinition } from "@/lib/actions/run-action";
import { billingProvider } from "@/lib/billing/provider";
import { orgCreationLimit } from "@/lib/rate-limit/limits";
import { orgCreationRefusalMessage } from "@/lib/rate-limit/messages";
import { findActor } from "@/lib/users/create-user";
import { createTeamOrganization } from "./create";
import { newOrganizationSchema, type NewOrganization } from "./new-organization";

// "New organization", declared here rather than in the page's "use server" module so the tests run
// exactly what the page runs, through the same door (runUserAction).

export const createOrganizationDefinition = { schema: newOrganizationSchema } satisfies UserActionDefinition<typeof newOrganizationSchema>;

export async function handleCreateOrganization(userId: string, input: NewOrganization, db: Db): Promise<HandlerResult> {
  // The billing provider decides who may start on a paid plan, as it does for a plan change.
  const choice = billingProvider().mayChoose(input.plan);
  if (!choice.ok) return { ok: false, fieldErrors: { plan: choice.reason } };
  const creator = await findActor(db, userId);
  if (!creator) return { ok: false, formError: "Your account no longer exists. Sign in again." };
  const result = await createTeamOrganization(db, creator, input, { limit: orgCreationLimit(creator.id) });
  if (!result.ok && "limited" in result) return { ok: false, formError: orgCreationRefusalMessage(result.limited) };
  if (!result.ok) return { ok: false, fieldErrors: { slug: "Another organization already uses this slug. Choose another one." } };
  return { ok: true, message: `${result.org.name} is ready. You are its owner.`, redirectTo: `/orgs/${result.org.slug}` };
}
