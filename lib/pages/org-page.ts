import "server-only";
import { headers } from "next/headers";
import { notFound, permanentRedirect, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { currentSession, currentUserId } from "@/lib/auth";
import { countOtherSessions, loadSessionUser } from "@/lib/auth/user-sessions";
import { loadMembershipInSession } from "@/lib/authz/authorize";
import type { OrgContext } from "@/lib/authz/context";
import { readViewAsCookie } from "@/lib/authz/view-as-cookie";
import type { MemberRole } from "@/db/schema/values";
import { invitationToken } from "@/lib/invitations/token";
import type { JoinableOrganization } from "@/lib/domains/queries";
import { requestedPathHeader } from "@/lib/http/proxy-security";
import { findLandingOrganizationSlug, listOrganizationsForUser } from "@/lib/orgs/queries";
import { renamedPath } from "@/lib/orgs/renamed-path";
import { findRenamedSlug } from "@/lib/orgs/slug-redirects";
import { recordActivityAfterResponse } from "@/lib/members/record-activity";
import { switcherOffers } from "./switcher-offers";

/** The signed-in user's id, or a trip to sign-in. */
export async function requireUserId(): Promise<string> {
  const userId = await currentUserId();
  if (!userId) redirect("/sign-in");
  return userId;
}

/**
 * The organization page context for this request, loaded once and shared by the layout and page
 * (React's request cache): one query, org joined to the caller's membership. A non-member gets the
 * same 404 as a missing organization, so names never leak.
 */
export const loadOrgPage = cache(async (slug: string): Promise<OrgContext> => {
  const session = await currentSession();
  if (!session) redirect("/sign-in");
  // The same statement checks the session row: a signed-out cookie goes back to sign in.
  // Viewing as a lower role (a cookie, no query of its own): the page renders as that role's.
  const ctx = await loadMembershipInSession(await getDb(), session, slug, "ui", await readViewAsCookie());
  if (ctx === "signed-out") redirect("/sign-in");
  if (!ctx) {
    // Only here, where no organization answered: a renamed organization's old slug sends its
    // members to the same page under the new slug (308); anyone else gets the same 404.
    const renamed = await findRenamedSlug(await getDb(), session.userId, slug);
    if (renamed) permanentRedirect(renamedPath(slug, renamed, (await headers()).get(requestedPathHeader)));
    notFound();
  }
  recordActivityAfterResponse(ctx);
  return ctx;
});

/** Where `/` sends the signed-in user. */
export async function landingPath(): Promise<string> {
  const slug = await findLandingOrganizationSlug(await getDb(), await requireUserId());
  return slug ? `/orgs/${slug}` : "/orgs/new";
}

/** A pending invitation as the switcher offers it: the link is built here, the nonce stays here. */
export type SwitcherInvitation = { id: string; orgName: string; role: MemberRole; href: string };

/** An organization the user may ask to join (or join) through a verified domain of their email. */
export type SwitcherJoinable = Omit<JoinableOrganization, "orgId"> & { id: string; href: string };

/**
 * The switcher's list for the signed-in user, or null when signed out: their organizations
 * (filtered by `query`), the pending invitations addressed to their email, and the organizations
 * a verified domain of their email lets them ask to join. Three statements: the session's user,
 * the organizations, and the invitations with the joinable organizations (switcherOffers).
 */
export async function switcherListing(query: string) {
  const session = await currentSession();
  const db = await getDb();
  const user = session && (await loadSessionUser(db, session));
  if (!user) return null;
  const [listing, { invitations, joinable }] = await Promise.all([
    listOrganizationsForUser(db, user.id, { query }),
    user.email ? switcherOffers(db, user) : { invitations: [], joinable: [] },
  ]);
  const needle = query.trim().toLowerCase();
  return {
    ...listing,
    invitations: invitations
      .filter((invitation) => invitation.orgName.toLowerCase().includes(needle))
      .map(({ id, orgName, role, tokenNonce }): SwitcherInvitation => ({ id, orgName, role, href: `/invitations/${invitationToken(id, tokenNonce)}` })),
    joinable: joinable
      .filter((org) => org.orgName.toLowerCase().includes(needle))
      .map(({ orgId, ...org }): SwitcherJoinable => ({ ...org, id: orgId, href: `/join/${orgId}` })),
  };
}

/** The signed-in user's organizations for /account, filtered by `query` (first page only). */
export async function accountOrganizations(userId: string, query: string) {
  return listOrganizationsForUser(await getDb(), userId, { query });
}

/** The signed-in user as the navbar shows them on pages outside any organization. */
export async function requireSessionUser(): Promise<{ id: string; name: string | null; email: string }> {
  const session = await currentSession();
  // As stored now (a renamed user shows the new name), and only while the session row exists.
  const user = session && (await loadSessionUser(await getDb(), session));
  if (!user) redirect("/sign-in");
  return user;
}

/** How many other browsers the signed-in user's sessions are open in (the account page). */
export async function otherSessionCount(): Promise<number> {
  const session = await currentSession();
  return session ? countOtherSessions(await getDb(), session) : 0;
}
