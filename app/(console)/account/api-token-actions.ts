"use server";

import { userAction } from "@/lib/actions/org-action";
import { createApiTokenDefinition, handleCreateApiToken, handleRevokeApiToken, revokeApiTokenDefinition } from "@/lib/api-tokens/actions";

// The signed-in user's own tokens: the user's door (session → zod → handler), scoped by their id.
export const createApiTokenAction = userAction(createApiTokenDefinition, handleCreateApiToken);
export const revokeApiTokenAction = userAction(revokeApiTokenDefinition, handleRevokeApiToken);
