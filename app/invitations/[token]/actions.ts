"use server";

import { userAction } from "@/lib/actions/org-action";
import { signOut } from "@/lib/auth";
import * as invitations from "@/lib/invitations/actions";

export const acceptInvitationAction = userAction(invitations.acceptInvitation);
export const declineInvitationAction = userAction(invitations.declineInvitation);

/** Signed in with another email: sign out, then come back here after signing in again. */
export async function switchAccountAction(token: string): Promise<void> {
  const back = invitations.invitationTokenPattern.test(token) ? `/invitations/${token}` : "/";
  await signOut({ redirectTo: `/sign-in?callbackUrl=${encodeURIComponent(back)}` });
}
