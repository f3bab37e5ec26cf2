import { z } from "zod";
import { defineUserAction } from "@/lib/actions/define";
import { newApiTokenSchema } from "./expiry";
import { createApiToken as create, revokeApiToken as revoke } from "./tokens";

// The API tokens section's actions on /account. A token belongs to the signed-in user only: every
// handler is scoped by their id, never by an id from the form alone.

export const createApiToken = defineUserAction({ schema: newApiTokenSchema }, async (userId, input, db) => {
  const outcome = await create(db, userId, input);
  if (!outcome.ok) return outcome;
  // The plaintext goes back to this one response and nowhere else: it is not stored or logged.
  return {
    ok: true,
    message: `Created the token ${outcome.name}. Copy it now: you will not see it again.`,
    data: { token: outcome.token, name: outcome.name },
  };
});

export const revokeApiTokenSchema = z.object({ tokenId: z.uuid("This token does not exist. Reload the page.") });

export const revokeApiToken = defineUserAction({ schema: revokeApiTokenSchema }, async (userId, input, db) => {
  const revoked = await revoke(db, userId, input.tokenId);
  if (!revoked) return { ok: false, formError: "This token does not exist or was already revoked. Reload the page." };
  return { ok: true, message: `Revoked the token ${revoked.name}. Anything still using it is refused from now on.` };
});
