"use server";

import { orgAction } from "@/lib/actions/org-action";
import { signOut } from "@/lib/auth";
import * as orgs from "@/lib/orgs/actions";

export const switchOrganization = orgAction(orgs.switchOrganization);

// Ends the caller's own session; there is nothing to authorize.
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in" });
}
