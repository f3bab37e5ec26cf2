import type { MemberRole } from "@/db/schema/values";
import { messages } from "@/lib/actions/run-action";
import { minimumRoleFor, roleHasPermission, roleLabels } from "@/lib/authz/permissions";
import { type EnvironmentMode, modePermission, type ModeGuardedResource, type ModeGuardedVerb } from "./modes";

// A write in an environment is one server action whatever the environment's mode. Its door checks
// the weaker of the two permissions (every role that holds the production one holds the
// development one too: admins ⊂ contributors), since the door cannot know the environment; the
// domain then reads the environment under the organization's lock and checks the permission of
// its mode as it is now with the role re-read under that lock (`modeRefusal`).

type Verb<R extends ModeGuardedResource> = Parameters<typeof modePermission<R>>[1] & ModeGuardedVerb;

/** What the door of a `verb` on `resource` checks: the permission of the non-production modes. */
export function doorPermission<R extends ModeGuardedResource>(resource: R, verb: Verb<R>) {
  return modePermission(resource, verb, "development");
}

/**
 * Null when `role` may do `verb` on `resource` in an environment of `mode`; otherwise the refusal,
 * worded as the door words one ("You need the Admin role to do this.").
 */
export function modeRefusal<R extends ModeGuardedResource>(role: MemberRole, resource: R, verb: Verb<R>, mode: EnvironmentMode): { ok: false; formError: string } | null {
  const permission = modePermission(resource, verb, mode);
  return roleHasPermission(role, permission) ? null : { ok: false, formError: messages.forbidden(roleLabels[minimumRoleFor(permission)]) };
}
