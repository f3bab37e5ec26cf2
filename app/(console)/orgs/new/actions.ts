"use server";

import { userAction } from "@/lib/actions/org-action";
<<<<<<< HEAD
import { createTeamOrganization } from "@/lib/orgs/create";
import { newOrganizationSchema } from "@/lib/orgs/new-organization";
import { orgCreationLimit } from "@/lib/rate-limit/limits";
import { orgCreationRefusalMessage } from "@/lib/rate-limit/messages";
import { findActor } from "@/lib/users/create-user";

export const createOrganization = userAction({ schema: newOrganizationSchema }, async (userId, input, db) => {
  const creator = await findActor(db, userId);
  if (!creator) return { ok: false, formError: "Your account no longer exists. Sign in again." };
  const result = await createTeamOrganization(db, creator, input, { limit: orgCreationLimit(creator.id) });
  if (!result.ok && "limited" in result) return { ok: false, formError: orgCreationRefusalMessage(result.limited) };
  if (!result.ok) return { ok: false, fieldErrors: { slug: "Another organization already uses this slug. Choose another one." } };
  return { ok: true, message: `${result.org.name} is ready. You are its owner.`, redirectTo: `/orgs/${result.org.slug}` };
});
=======
import { createOrganizationDefinition, handleCreateOrganization } from "@/lib/orgs/create-organization-action";

export const createOrganization = userAction(createOrganizationDefinition, handleCreateOrganization);
>>>>>>> h13-state
