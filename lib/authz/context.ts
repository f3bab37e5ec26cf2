import type { AuditOrigin, MemberRole } from "@/db/schema/enums";
import type { Organization } from "@/db/schema";
import { type Permission, roleHasPermission } from "./permissions";
import type { ViewingAs } from "./view-as";

declare const authorized: unique symbol;

export type Actor = { id: string; name: string | null; email: string };

/**
 * Proof that the caller is a member of `org` with `role`, read from the database on this request.
 * Only `authorize` builds one (the brand), so a domain function that takes it cannot run for a
 * caller who was never checked.
 */
export type OrgContext = {
  readonly [authorized]: true;
  readonly actor: Actor;
  readonly org: Organization;
  /** The role this request acts with: the real one, or the lower one being viewed as (./view-as.ts). */
  readonly role: MemberRole;
  /** Set while the caller views the organization as a lower role: every write is then refused. */
  readonly viewingAs: ViewingAs | null;
  readonly origin: AuditOrigin;
  /** Maintenance notices for this organization that have not ended (read with the membership). */
  readonly maintenance: readonly ActiveMaintenance[];
  /** When the caller's membership last recorded activity (read with it; unset where not read). */
  readonly lastActiveAt?: Date | null;
  can(permission: Permission): boolean;
};

export type ActiveMaintenance = { id: string; startsAt: string; endsAt: string; message: string };

/** For `authorize` and the named contexts of ./system-contexts.ts only. */
export function buildOrgContext(actor: Actor, org: Organization, role: MemberRole, origin: AuditOrigin, maintenance: readonly ActiveMaintenance[] = [], viewingAs: ViewingAs | null = null): OrgContext {
  return {
    actor,
    org,
    role,
    viewingAs,
    origin,
    maintenance,
    can: (permission) => roleHasPermission(role, permission),
  } as OrgContext;
}
