import { memberRoles, type MemberRole } from "@/db/schema/values";
import { roleLabels } from "./role-labels";

export { memberRoles, type MemberRole };

const all = ["owner", "admin", "developer", "viewer"] as const satisfies readonly MemberRole[];
const contributors = ["owner", "admin", "developer"] as const satisfies readonly MemberRole[];
const admins = ["owner", "admin"] as const satisfies readonly MemberRole[];
const ownerOnly = ["owner"] as const satisfies readonly MemberRole[];

/**
 * The one permission table (DESIGN.md §4). Server actions, route handlers, pages and the README's
 * matrix all read it. Non-production environment modes use the `.development` permissions.
 */
export const permissionTable = {
  "org.read": { roles: admins, describes: "see settings pages" },
  "org.edit": { roles: admins, describes: "General Information, incl. name and slug" },
  "org.delete": { roles: ownerOnly, describes: "delete the organization" },
  "billing.manage": { roles: admins, describes: "change plan and billing" },
  "member.invite": { roles: admins, describes: "invite members" },
  "member.changeRole": { roles: admins, describes: "change a member's role" },
  "member.remove": { roles: admins, describes: "remove a member" },
  "ownership.transfer": { roles: ownerOnly, describes: "promote a member to owner" },
  "audit.read": { roles: admins, describes: "read the audit log" },
  "org.export": { roles: admins, describes: "download an export of the organization" },
  "org.viewAs": { roles: admins, describes: "view the organization as a lower role" },
  "git.manage": { roles: admins, describes: "install and manage the GitHub App" },
  "cluster.manage": { roles: admins, describes: "add, update, stop, start, delete, set default" },
  "cluster.connect": { roles: admins, describes: "download a cluster's kubeconfig" },
  "cloud_account.manage": { roles: admins, describes: "add, rename, rotate and delete cloud accounts" },
  "domain.manage": { roles: admins, describes: "add, verify and remove email domains and set their join policy" },
  "project.read": { roles: all, describes: "see projects" },
  "environment.read": { roles: all, describes: "see environments" },
  "application.read": { roles: all, describes: "see applications" },
  "project.create": { roles: contributors, describes: "create projects" },
  "project.edit": { roles: contributors, describes: "rename projects" },
  "project.delete": { roles: admins, describes: "delete projects" },
  "project.transfer": { roles: admins, describes: "move a project to another organization" },
  "environment.edit.production": { roles: admins, describes: "edit production environments" },
  "environment.stop.production": { roles: admins, describes: "stop or start production environments" },
  "environment.delete.production": { roles: admins, describes: "delete production environments" },
  "environment.edit.development": { roles: contributors, describes: "edit other environments" },
  "environment.stop.development": { roles: contributors, describes: "stop or start other environments" },
  "environment.delete.development": { roles: contributors, describes: "delete other environments" },
  "application.edit.production": { roles: admins, describes: "edit applications in production" },
  "application.delete.production": { roles: admins, describes: "delete applications in production" },
  "application.ssh": { roles: admins, describes: "connect to applications via SSH" },
  "application.edit.development": { roles: contributors, describes: "edit applications elsewhere" },
  "application.delete.development": { roles: contributors, describes: "delete applications elsewhere" },
  "database.read": { roles: contributors, describes: "see databases" },
  "database.edit.production": { roles: admins, describes: "edit databases in production" },
  "database.delete.production": { roles: admins, describes: "delete databases in production" },
  "database.edit.development": { roles: contributors, describes: "edit databases elsewhere" },
  "database.delete.development": { roles: contributors, describes: "delete databases elsewhere" },
} as const satisfies Record<string, { roles: readonly MemberRole[]; describes: string }>;

export type Permission = keyof typeof permissionTable;
export const permissions = Object.keys(permissionTable) as Permission[];

export function roleHasPermission(role: MemberRole, permission: Permission): boolean {
  return (permissionTable[permission].roles as readonly MemberRole[]).includes(role);
}

/** Higher acts on lower: "who may act on whom" (role changes, removals). */
export const roleRank: Record<MemberRole, number> = { owner: 4, admin: 3, developer: 2, viewer: 1 };

// In a file of its own, so that client components can name roles without this table.
export { roleLabels } from "./role-labels";

/** The lowest role that holds a permission, for "you need the Admin role" messages. */
export function minimumRoleFor(permission: Permission): MemberRole {
  const holders = permissionTable[permission].roles as readonly MemberRole[];
  return [...holders].sort((a, b) => roleRank[a] - roleRank[b])[0];
}

/**
 * Why a control is off for a role that lacks the permission, from the table itself: the UI's
 * disabled controls say it as their tooltip and accessible description.
 */
export function deniedReason(permission: Permission, to: string = permissionTable[permission].describes): string {
  return `You need the ${roleLabels[minimumRoleFor(permission)]} role to ${to}.`;
}
