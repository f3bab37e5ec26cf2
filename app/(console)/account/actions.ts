"use server";

import { z } from "zod";
import { orgAction, userAction } from "@/lib/actions/org-action";
import { currentSession } from "@/lib/auth";
import { handleSignOutOtherSessions, signOutOtherSessionsDefinition } from "@/lib/auth/sign-out-others";
import { leaveOrganization } from "@/lib/members/change";

// Bound to the organization's slug like every organization mutation: membership is re-read at the
// door and again under the organization's lock; the owner is told to transfer ownership first.
export const leaveFromAccountAction = orgAction({ permission: "project.read", schema: z.object({}) }, async (ctx, _input, db) =>
  leaveOrganization(db, ctx),
);

// The door checks this browser's session is still live before any other is ended.
export const signOutOtherSessionsAction = userAction(signOutOtherSessionsDefinition, async (userId, _input, db) =>
  handleSignOutOtherSessions(userId, db, (await currentSession())?.sessionId ?? null),
);
