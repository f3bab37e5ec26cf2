import type { z } from "zod";
import { defineOrgAction, type OrgActionSpec } from "@/lib/actions/define";
import type { ModeClass } from "../modes";

export { defineOrgAction, type OrgActionSpec };

/** One action per mode class: the door checks a static permission, the page binds the one it needs. */
export type ByModeClass<Schema extends z.ZodType> = Record<ModeClass, OrgActionSpec<Schema>>;

export function eachModeClass<Schema extends z.ZodType>(make: (cls: ModeClass) => OrgActionSpec<Schema>): ByModeClass<Schema> {
  return { production: make("production"), development: make("development") };
}

export const projectPath = (slug: string, projectId: string) => `/orgs/${slug}/projects/${projectId}`;
export const environmentPath = (slug: string, projectId: string, environmentId: string) => `${projectPath(slug, projectId)}/environments/${environmentId}`;
