import type { Permission } from "@/lib/authz/permissions";

/**
 * The organization's pages, each with the permission that opens it. The settings navigation, the
 * home page's links and the switcher ("stay on the same section") all read this list; later work
 * adds its pages here.
 */
export const orgSections = [
  { path: "", label: "Overview", permission: "project.read", settings: false },
  { path: "settings/general", label: "General Information", permission: "org.read", settings: true },
  { path: "settings/members", label: "Members", permission: "org.read", settings: true },
  { path: "settings/git", label: "Git Permission", permission: "git.manage", settings: true },
  { path: "settings/clusters", label: "Clusters", permission: "cluster.manage", settings: true },
  { path: "settings/cloud-accounts", label: "Cloud accounts", permission: "cloud_account.manage", settings: true },
  { path: "settings/domains", label: "Verified domains", permission: "domain.manage", settings: true },
  { path: "settings/billing", label: "Billing", permission: "billing.manage", settings: true },
  { path: "settings/audit-log", label: "Audit log", permission: "audit.read", settings: true },
  // Every member: it is where anyone but the owner leaves; what else it offers depends on the role.
  { path: "settings/danger-zone", label: "Danger Zone", permission: "project.read", settings: true },
] as const satisfies readonly { path: string; label: string; permission: Permission; settings: boolean }[];

export type OrgSection = (typeof orgSections)[number];
export const settingsSections = orgSections.filter((s) => s.settings);

export function orgHref(slug: string, sectionPath = ""): string {
  return sectionPath ? `/orgs/${slug}/${sectionPath}` : `/orgs/${slug}`;
}

/** The known section a pathname is in, so switching organization can keep the user there. */
export function sectionOfPathname(pathname: string): string {
  const rest = pathname.split("/").slice(3).join("/");
  const match = [...orgSections].sort((a, b) => b.path.length - a.path.length).find((s) => s.path && (rest === s.path || rest.startsWith(`${s.path}/`)));
  return match?.path ?? "";
}

export function findSection(path: string): OrgSection | undefined {
  return orgSections.find((s) => s.path === path);
}

/**
 * The settings pages a role opens in an organization, as links: the settings menu, the navbar's
 * cogwheel (the first of them) and the ⌘K palette read this, so a client gets capability data,
 * never the role.
 */
export function openSettingsPages(slug: string, can: (permission: Permission) => boolean): { href: string; label: string }[] {
  return settingsSections.filter((section) => can(section.permission)).map((section) => ({ href: orgHref(slug, section.path), label: section.label }));
}
