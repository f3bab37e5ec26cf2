import type { RequestShape } from "./http";
import type { ScaleData } from "./seed-scale";

// The projects work's share of the bench (issue 6): the big organization's home lists a page of its
// 2,000 projects; the CLI's resolve API answers a key under load.

export const projectsAtScale = 2_000;

// The resolve API authenticates the token (one read, and a throttled last-used write at most once
// a minute) and finds the key among the user's organizations (one statement).
export const resolveStatementTarget = 2;
export const resolveConnections = [50, 100];

/** Project rows in the home page's HTML (data-testid="project-row"). */
export function listedProjects(html: string, total: number) {
  return { shown: html.split('data-testid="project-row"').length - 1, total };
}

type Viewer = { name: string; cookie: string };

export function resolveApiSpec(seed: ScaleData, viewer: Viewer) {
  const request: RequestShape = {
    method: "POST",
    headers: { authorization: `Bearer ${seed.projects.apiToken}`, "x-project-key": seed.projects.apiKey },
  };
  return {
    key: "resolve-api",
    label: "CLI resolve API (POST, bearer token, X-Project-Key)",
    path: "/api/v1/projects/resolve",
    viewer: `${viewer.name}, by API token`,
    cookie: "",
    request,
    expect: `"name":"${seed.projects.apiKeyName}"`,
    statementTarget: resolveStatementTarget,
    connections: resolveConnections,
  };
}
