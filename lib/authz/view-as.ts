import { memberRoles, type MemberRole, roleLabels, roleRank } from "./permissions";

// "View as a role" (README): an owner or admin sees an organization as a lower role would. The
// choice rides in a cookie, so it is read without a database round trip; it can only ever lower
// the role the database gives the caller on this request, never raise it.

/** What the browser's cookie asks for: this organization, seen as this role. */
export type ViewAsChoice = { orgId: string; role: MemberRole };

/** On an OrgContext while viewing: the role pages render as, and the caller's own. */
export type ViewingAs = { role: MemberRole; realRole: MemberRole };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function viewAsCookieValue(choice: ViewAsChoice): string {
  return `${choice.orgId}:${choice.role}`;
}

/** The cookie's value, or null for anything else (a malformed or foreign value is ignored). */
export function parseViewAsCookie(value: string | null | undefined): ViewAsChoice | null {
  if (!value || value.length > 80) return null;
  const [orgId, role, ...rest] = value.split(":");
  if (rest.length > 0 || !uuid.test(orgId ?? "") || !(memberRoles as readonly string[]).includes(role ?? "")) return null;
  return { orgId: orgId.toLowerCase(), role: role as MemberRole };
}

/** The roles a caller may view an organization as: strictly below their own (an owner: three). */
export function viewAsRoles(realRole: MemberRole): MemberRole[] {
  return memberRoles.filter((role) => roleRank[role] < roleRank[realRole]);
}

/**
 * The role a request acts with: the lower of the caller's real role and the one chosen for this
 * organization. A choice for another organization, or one not strictly below the real role (the
 * caller was demoted meanwhile), is no view at all: the real role, with no banner.
 */
export function effectiveRole(realRole: MemberRole, orgId: string, choice: ViewAsChoice | null | undefined): { role: MemberRole; viewingAs: ViewingAs | null } {
  if (!choice || choice.orgId !== orgId.toLowerCase() || roleRank[choice.role] >= roleRank[realRole]) return { role: realRole, viewingAs: null };
  return { role: choice.role, viewingAs: { role: choice.role, realRole } };
}

/** The door's answer to any write while viewing. */
export function viewingRefusal(role: MemberRole): string {
  return `You are viewing as ${roleLabels[role]}. Stop viewing to make changes.`;
}
