"use server";

import { orgAction, userAction } from "@/lib/actions/org-action";
import * as apiTokens from "@/lib/api-tokens/actions";
import * as auth from "@/lib/auth/actions";
import * as members from "@/lib/members/actions";

// Bound to the organization's slug like every organization mutation.
export const leaveFromAccountAction = orgAction(members.leaveOrganizationFromAccount);
// The door checks this browser's session is still live before any other is ended.
export const signOutOtherSessionsAction = userAction(auth.signOutOtherSessions);
export const createApiTokenAction = userAction(apiTokens.createApiToken);
export const revokeApiTokenAction = userAction(apiTokens.revokeApiToken);
