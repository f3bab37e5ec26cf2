import type { ScaleData } from "./seed-scale";

// The audit log and the Danger Zone's share of the bench (issue 5): the big organization holds a
// million audit events; the small one, the handful its setup wrote.

export const auditEventsAtScale = 1_000_000;

// The org + membership query every page makes, then one statement for the page of events (the
// actor's email is resolved inside it).
export const auditLogStatementTarget = 2;
// The org + membership query, the counts of what deletion takes (one statement), the owner's
// transfer candidates.
export const dangerZoneStatementTarget = 3;

const auditPath = (slug: string, query = "") => `/orgs/${slug}/settings/audit-log${query}`;
const dangerPath = (slug: string) => `/orgs/${slug}/settings/danger-zone`;

/** Event rows in the audit log's HTML (each row carries data-testid="audit-event"). */
function listedEvents(html: string, total: number) {
  return { shown: html.split('data-testid="audit-event"').length - 1, total };
}

const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);

type Viewer = { name: string; cookie: string };

/** Page specs in bench/run.ts's shape. */
export function auditPageSpecs(seed: ScaleData, viewers: { bench: Viewer; small: Viewer }) {
  const big = seed.bigOrg.slug;
  const { audit } = seed;
  const log = (key: string, label: string, query: string, total: number | null, viewer = viewers.bench, slug = big) => ({
    key,
    label,
    path: auditPath(slug, query),
    viewer: viewer.name,
    cookie: viewer.cookie,
    expect: "Audit log",
    statementTarget: auditLogStatementTarget,
    listed: total === null ? undefined : (html: string) => listedEvents(html, total),
  });
  const danger = (key: string, label: string, slug: string, viewer: Viewer) => ({
    key,
    label,
    path: dangerPath(slug),
    viewer: viewer.name,
    cookie: viewer.cookie,
    expect: "Delete organization",
    statementTarget: dangerZoneStatementTarget,
  });
  // One event a minute back from now: 400 days ago is deep in a million minutes (~694 days).
  const from = day(401);
  const to = day(400);
  return {
    scale: [
      log("audit-log", "1,000,000-event Audit log", "", audit.events),
      log("audit-log-actor", "Audit log filtered by a rare actor", `?actor=${encodeURIComponent(audit.rareActorEmail)}`, audit.rareActorEvents),
      danger("danger-zone", "10,000-member org Danger Zone (deletion preview)", big, viewers.bench),
    ],
    once: [
      log("audit-log-action", "Audit log filtered by a rare action", `?action=${encodeURIComponent(audit.rareAction)}`, audit.rareActionEvents),
      log("audit-log-range", "Audit log, two days 400 days back", `?from=${from}&to=${to}`, 2 * 1440),
      log("small-audit-log", "3-member org Audit log", "", null, viewers.small, seed.smallOrg.slug),
      danger("small-danger-zone", "3-member org Danger Zone", seed.smallOrg.slug, viewers.small),
    ],
  };
}
