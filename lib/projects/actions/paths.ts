import { defineOrgAction, type OrgActionSpec } from "@/lib/actions/define";

export { defineOrgAction, type OrgActionSpec };

export const projectPath = (slug: string, projectId: string) => `/orgs/${slug}/projects/${projectId}`;
export const environmentPath = (slug: string, projectId: string, environmentId: string) => `${projectPath(slug, projectId)}/environments/${environmentId}`;
