import type { z } from "zod";
import type { OrgHandler } from "@/lib/actions/run-action";
import { type ModeClass, modePermission, type ModeGuardedResource } from "@/lib/projects/modes";
import { type ByModeClass, defineOrgAction, eachModeClass } from "./define";

// The door checks one static permission per server action, and the permission of a write in an
// environment depends on its mode. So each such write is two server actions, one per mode class,
// with the same schema: the page binds the one matching the mode it rendered, and the domain
// refuses when the environment's mode class is no longer that one.

export function byModeClass<Schema extends z.ZodType>(
  resource: Exclude<ModeGuardedResource, "environment">,
  verb: "edit" | "delete",
  schema: Schema,
  handlerFor: (modeClass: ModeClass) => OrgHandler<Schema>,
): ByModeClass<Schema> {
  return eachModeClass((modeClass) => defineOrgAction({ permission: modePermission(resource, verb, modeClass), schema }, handlerFor(modeClass)));
}
