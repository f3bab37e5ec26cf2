import type { OrgContext } from "@/lib/authz/context";

export type EnvironmentSummary = { id: string; name: string; mode: "production" | "staging" | "development" | "preview"; projectId: string };

/**
 * The applications and databases of an environment, rendered on the environment page. Owned by
 * the applications-and-databases work, which replaces this first version.
 */
export async function EnvironmentResources(_props: { ctx: OrgContext; environment: EnvironmentSummary }) {
  return null;
}
