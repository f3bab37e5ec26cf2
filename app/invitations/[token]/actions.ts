"use server";

import { z } from "zod";
import { userAction } from "@/lib/actions/org-action";
import { signOut } from "@/lib/auth";
import { acceptInvitation, declineInvitation, type RespondResult } from "@/lib/invitations/respond";
import { findActor } from "@/lib/users/create-user";

// The token is the authorization: it names one invitation, which must be addressed to the signed-in
// user's email (checked in lib/invitations/respond.ts against the user read from the database).
const tokenPattern = /^[A-Za-z0-9_-]{20,100}$/;
const answer = z.object({ token: z.string().regex(tokenPattern, "This invitation link is not valid.") });

const accountGone = { ok: false as const, formError: "Your account no longer exists. Sign in again." };
const failure = (result: Extract<RespondResult, { ok: false }>) => ({ ok: false as const, formError: result.message });

export const acceptInvitationAction = userAction({ schema: answer }, async (userId, { token }, db) => {
  const invitee = await findActor(db, userId);
  if (!invitee) return accountGone;
  const result = await acceptInvitation(db, invitee, token);
  if (!result.ok) return failure(result);
  return { ok: true, message: `You joined ${result.orgName}.`, redirectTo: `/orgs/${result.orgSlug}` };
});

export const declineInvitationAction = userAction({ schema: answer }, async (userId, { token }, db) => {
  const invitee = await findActor(db, userId);
  if (!invitee) return accountGone;
  const result = await declineInvitation(db, invitee, token);
  if (!result.ok) return failure(result);
  // The page re-renders as "You declined this invitation", which is the confirmation.
  return { ok: true };
});

/** Signed in with another email: sign out, then come back here after signing in again. */
export async function switchAccountAction(token: string): Promise<void> {
  const back = tokenPattern.test(token) ? `/invitations/${token}` : "/";
  await signOut({ redirectTo: `/sign-in?callbackUrl=${encodeURIComponent(back)}` });
}
