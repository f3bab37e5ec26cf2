// Where a projects action sends the browser after a change.
export const projectPath = (slug: string, projectId: string) => `/orgs/${slug}/projects/${projectId}`;
export const environmentPath = (slug: string, projectId: string, environmentId: string) => `${projectPath(slug, projectId)}/environments/${environmentId}`;
