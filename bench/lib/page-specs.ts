import { membersPageSize } from "@/lib/members/paging";
import { auditPageSpecs } from "./audit-pages";
import { clusterPageSpecs } from "./clusters-pages";
import type { RequestShape } from "./http";
import { listedProjects, resolveApiSpec } from "./projects-pages";
import type { PageResult } from "./report";
import type { ClusterFleet } from "./seed-clusters";
import type { ScaleData } from "./seed-scale";

// What the bench measures: each page (or API) with who asks for it, what it must show, and its SQL
// statement target. bench/run.ts times them; the domain files (audit-, clusters-, projects-pages)
// contribute their own.

// The members page reads the tabs' counts (which are also the seats) and one page of the open
// tab's rows besides the org + membership query every page makes.
export const membersStatementTarget = 3;

export type PageSpec = {
  key: string;
  label: string;
  path: string;
  viewer: string;
  cookie: string;
  expect: string;
  statementTarget?: number;
  /** For a paged list in HTML: how many rows this page shows out of how many there are. */
  listed?: (html: string) => PageResult["listed"];
  /** Not a GET with the session cookie (the CLI API). */
  request?: RequestShape;
  /** Load levels, when not the usual ones. */
  connections?: number[];
  /** Checked after the timing, and a warning (a wrong page rather than a slow one) when unmet. */
  alsoExpect?: { text?: string; memberRows?: number };
};

export function listedOrganizations(body: string): PageResult["listed"] {
  if (!body.startsWith("{")) return undefined;
  const json = JSON.parse(body) as { organizations?: unknown[]; total?: number };
  return Array.isArray(json.organizations) ? { shown: json.organizations.length, total: Number(json.total) } : undefined;
}

/** Rows in the members page's HTML: its member and pending-invitation tables tag every row. */
export function rowsIn(html: string): { members: number; invitations: number } {
  const count = (testId: string) => html.split(`data-testid="${testId}"`).length - 1;
  return { members: count("member-row"), invitations: count("invitation-row") };
}

/** The members page's Members tab (the one the bench opens): member rows shown out of all members. */
function listedRows(html: string, members: number): PageResult["listed"] {
  return { shown: rowsIn(html).members, total: members };
}

/** How many of the bench user's bulk team organizations ("Team <n> of …") a search for "team <digits>" finds. */
function searchHits(seed: ScaleData, digits: string): number {
  let hits = 0;
  for (let n = 1; n <= seed.benchUserOrgs - 2; n++) if (String(n).startsWith(digits)) hits++;
  return hits;
}

const membersPath = (slug: string, query = "") => `/orgs/${slug}/settings/members${query}`;

export type Fleets = { fleet: ClusterFleet; small: ClusterFleet };

export function pageSpecs(seed: ScaleData, fleets: Fleets, benchCookie: string, smallCookie: string) {
  const bench = "user in 500 orgs";
  const small = "user in 2 orgs";
  const scalePages: PageSpec[] = [
    {
      key: "big-home",
      label: "10,000-member, 2,000-project org home",
      path: `/orgs/${seed.bigOrg.slug}`,
      viewer: bench,
      cookie: benchCookie,
      expect: seed.bigOrg.name,
      listed: (html) => listedProjects(html, seed.projects.count),
    },
    { key: "big-general", label: "10,000-member org General Information", path: `/orgs/${seed.bigOrg.slug}/settings/general`, viewer: bench, cookie: benchCookie, expect: "General Information" },
    { key: "other-home", label: "another of the 500 orgs, home", path: `/orgs/${seed.otherOrg.slug}`, viewer: bench, cookie: benchCookie, expect: seed.otherOrg.name },
    // The navbar's switcher fetches its list when opened: that is where 500 organizations show.
    { key: "switcher", label: "org switcher list (JSON)", path: "/api/organizations?q=", viewer: bench, cookie: benchCookie, expect: `"total":${seed.benchUserOrgs}` },
    {
      key: "big-members",
      label: "10,000-member org Members",
      path: membersPath(seed.bigOrg.slug),
      viewer: bench,
      cookie: benchCookie,
      expect: "Invite member",
      alsoExpect: { memberRows: membersPageSize },
      statementTarget: membersStatementTarget,
      listed: (html) => listedRows(html, seed.bigOrgMembers),
    },
    {
      key: "big-members-search",
      label: "10,000-member org Members search",
      path: membersPath(seed.bigOrg.slug, `?q=${encodeURIComponent(seed.memberSearch.q)}`),
      viewer: bench,
      cookie: benchCookie,
      expect: seed.memberSearch.example,
      alsoExpect: { memberRows: Math.min(seed.memberSearch.hits, membersPageSize) },
      statementTarget: membersStatementTarget,
      listed: (html) => listedRows(html, seed.memberSearch.hits),
    },
    {
      key: "big-members-later",
      label: `10,000-member org Members after member ${seed.laterPage.position}`,
      path: membersPath(seed.bigOrg.slug, `?after=${encodeURIComponent(seed.laterPage.after)}`),
      viewer: bench,
      cookie: benchCookie,
      expect: "Invite member",
      alsoExpect: { text: seed.laterPage.firstName, memberRows: membersPageSize },
      statementTarget: membersStatementTarget,
      listed: (html) => listedRows(html, seed.bigOrgMembers),
    },
  ];
  const onceOnlyPages: PageSpec[] = [
    { key: "small-home", label: "3-member org home", path: `/orgs/${seed.smallOrg.slug}`, viewer: small, cookie: smallCookie, expect: seed.smallOrg.name },
    { key: "small-general", label: "3-member org General Information", path: `/orgs/${seed.smallOrg.slug}/settings/general`, viewer: small, cookie: smallCookie, expect: "General Information" },
    { key: "small-switcher", label: "org switcher list (JSON)", path: "/api/organizations?q=", viewer: small, cookie: smallCookie, expect: `"total":${seed.smallUserOrgs}` },
    { key: "search", label: "org switcher search (JSON)", path: "/api/organizations?q=team%2042", viewer: bench, cookie: benchCookie, expect: `"total":${searchHits(seed, "42")}` },
    {
      key: "small-members",
      label: "3-member org Members",
      path: membersPath(seed.smallOrg.slug),
      viewer: small,
      cookie: smallCookie,
      expect: "Invite member",
      alsoExpect: { memberRows: seed.smallOrgMembers },
      statementTarget: membersStatementTarget,
      listed: (html) => listedRows(html, seed.smallOrgMembers),
    },
  ];
  // The account page lists the first 50 of the user's organizations (500 for the bench user). It
  // reads the user, that list (its total included), the other sessions and the API tokens.
  for (const [key, viewer, cookie] of [["account", bench, benchCookie], ["small-account", small, smallCookie]] as const) {
    onceOnlyPages.push({ key, label: `Account (${viewer})`, path: "/account", viewer, cookie, expect: "Your organizations", statementTarget: 4 });
  }
  // The big organization's Clusters page lists its 200 clusters; the small one's, its 2.
  const clusterPages = clusterPageSpecs(fleets.fleet, fleets.small, { bench: { name: bench, cookie: benchCookie }, small: { name: small, cookie: smallCookie } });
  scalePages.push(clusterPages.scale);
  onceOnlyPages.push(clusterPages.small);
  const auditPages = auditPageSpecs(seed, { bench: { name: bench, cookie: benchCookie }, small: { name: small, cookie: smallCookie } });
  scalePages.push(...auditPages.scale);
  scalePages.push(resolveApiSpec(seed, { name: bench, cookie: benchCookie }));
  onceOnlyPages.push(...auditPages.once);
  return { scalePages, onceOnlyPages };
}
