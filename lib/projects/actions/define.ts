import type { z } from "zod";
import type { OrgActionDefinition, OrgHandler } from "@/lib/actions/run-action";
import type { ModeClass } from "../modes";

// An action of the projects domain: the door's definition ({ permission, schema }) and its handler,
// declared in lib/ so the page's "use server" module is one line per action
// (`orgAction(spec.definition, spec.handler)`) and the tests run the very same pair through
// runOrgAction.

export type OrgActionSpec<Schema extends z.ZodType> = { definition: OrgActionDefinition<Schema>; handler: OrgHandler<Schema> };

export function defineOrgAction<Schema extends z.ZodType>(definition: OrgActionDefinition<Schema>, handler: OrgHandler<Schema>): OrgActionSpec<Schema> {
  return { definition, handler };
}

/** One action per mode class: the door checks a static permission, the page binds the one it needs. */
export type ByModeClass<Schema extends z.ZodType> = Record<ModeClass, OrgActionSpec<Schema>>;

export function eachModeClass<Schema extends z.ZodType>(make: (cls: ModeClass) => OrgActionSpec<Schema>): ByModeClass<Schema> {
  return { production: make("production"), development: make("development") };
}

export const projectPath = (slug: string, projectId: string) => `/orgs/${slug}/projects/${projectId}`;
export const environmentPath = (slug: string, projectId: string, environmentId: string) => `${projectPath(slug, projectId)}/environments/${environmentId}`;
