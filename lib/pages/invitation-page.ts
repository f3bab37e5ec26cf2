import "server-only";
import { getDb } from "@/db/client";
import { findInvitationByToken, type InvitationView } from "@/lib/invitations/respond";
import { requireSessionUser } from "./org-page";

type Viewer = Awaited<ReturnType<typeof requireSessionUser>>;

export type InvitationPage =
  | { state: "not-found"; viewer: Viewer }
  // Pending, but for another email than the signed-in one.
  | { state: "wrong-account"; viewer: Viewer; invitation: InvitationView }
  | { state: InvitationView["state"]; viewer: Viewer; invitation: InvitationView; forViewer: boolean };

/**
 * What /invitations/[token] shows the signed-in user: one statement. The token is the only key;
 * a finished invitation (expired, revoked, declined, accepted) says so whoever opens it.
 */
export async function loadInvitationPage(token: string): Promise<InvitationPage> {
  const viewer = await requireSessionUser();
  const invitation = await findInvitationByToken(await getDb(), token);
  if (!invitation) return { state: "not-found", viewer };
  const forViewer = invitation.email === viewer.email.toLowerCase();
  if (invitation.state === "pending" && !forViewer) return { state: "wrong-account", viewer, invitation };
  return { state: invitation.state, viewer, invitation, forViewer };
}
