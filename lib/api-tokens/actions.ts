import { z } from "zod";
import type { Db } from "@/db/client";
import type { HandlerResult, UserActionDefinition } from "@/lib/actions/run-action";
import { newApiTokenSchema, type NewApiTokenInput } from "./expiry";
import { createApiToken, revokeApiToken } from "./tokens";

// The API tokens section's actions on /account, declared here so the tests run exactly what the
// page runs through the same door (runUserAction: session → zod → handler). A token belongs to
// the signed-in user only: every handler is scoped by their id, never by an id from the form alone.

export const createApiTokenDefinition = { schema: newApiTokenSchema } satisfies UserActionDefinition<typeof newApiTokenSchema>;

export async function handleCreateApiToken(userId: string, input: NewApiTokenInput, db: Db): Promise<HandlerResult> {
  const outcome = await createApiToken(db, userId, input);
  if (!outcome.ok) return outcome;
  // The plaintext goes back to this one response and nowhere else: it is not stored or logged.
  return {
    ok: true,
    message: `Created the token ${outcome.name}. Copy it now: you will not see it again.`,
    data: { token: outcome.token, name: outcome.name },
  };
}

export const revokeApiTokenSchema = z.object({ tokenId: z.uuid("This token does not exist. Reload the page.") });
export const revokeApiTokenDefinition = { schema: revokeApiTokenSchema } satisfies UserActionDefinition<typeof revokeApiTokenSchema>;

export async function handleRevokeApiToken(userId: string, input: { tokenId: string }, db: Db): Promise<HandlerResult> {
  const revoked = await revokeApiToken(db, userId, input.tokenId);
  if (!revoked) return { ok: false, formError: "This token does not exist or was already revoked. Reload the page." };
  return { ok: true, message: `Revoked the token ${revoked.name}. Anything still using it is refused from now on.` };
}
