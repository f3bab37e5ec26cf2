import type { MemberRole } from "@/db/schema/values";
import { roleHasPermission } from "@/lib/authz/permissions";

// What to do about each thing that blocks a transfer. Every blocker is about the destination, and
// whoever can lift it there is told to do it themselves (with a link); only a caller whose role in
// the destination cannot is sent to its owners and admins. (Telling the owner of a personal
// organization to "ask an owner or admin" of it sent them to themselves.)

export type TransferBlocker = {
  kind: "key-clash" | "no-cluster" | "plan-limit";
  message: string;
  fix: string;
  /** Where the caller lifts it, when their role in the destination allows it. */
  link?: { href: string; label: string };
};

type Destination = { slug: string; name: string };

export function keyClashBlocker(destination: Destination, role: MemberRole, clash: { key: string; name: string }): TransferBlocker {
  const why = `The key is how the CLI finds a project, so it must be unique in ${destination.name}.`;
  return {
    kind: "key-clash",
    message: `${destination.name} already has a project with the key ${clash.key} (${clash.name}).`,
    fix: roleHasPermission(role, "project.delete")
      ? `${why} Choose another organization, or delete the project that uses it there first.`
      : `${why} Choose another organization, or ask an owner or admin of ${destination.name} to delete the project that uses it.`,
  };
}

export function noClusterBlocker(destination: Destination, role: MemberRole, homeless: number): TransferBlocker {
  const message = `${destination.name} has no cluster, so ${homeless === 1 ? "1 environment" : `${homeless} environments`} would have nowhere to run.`;
  if (!roleHasPermission(role, "cluster.manage")) {
    return { kind: "no-cluster", message, fix: `Ask an owner or admin of ${destination.name} to add a cluster in its Clusters settings, then come back.` };
  }
  return {
    kind: "no-cluster",
    message,
    fix: `You can add a cluster in ${destination.name}'s Clusters settings, then come back.`,
    link: { href: `/orgs/${destination.slug}/settings/clusters/new`, label: `Add a cluster to ${destination.name}` },
  };
}

export function planLimitBlocker(
  destination: Destination,
  role: MemberRole,
  limit: { planLabel: string; allowed: number; used: number; personal: boolean },
): TransferBlocker {
  const message = `${destination.name} is on the ${limit.planLabel} plan, which allows ${limit.allowed} project${limit.allowed === 1 ? "" : "s"}, and it has ${limit.used}.`;
  const mayDelete = roleHasPermission(role, "project.delete");
  // A personal organization always stays on the Free plan: deleting a project is the only way.
  if (limit.personal) {
    return {
      kind: "plan-limit",
      message,
      fix: mayDelete
        ? `A personal organization stays on the Free plan: delete a project in ${destination.name} first.`
        : `A personal organization stays on the Free plan: ask its owner to delete a project there first.`,
    };
  }
  if (!mayDelete || !roleHasPermission(role, "billing.manage")) {
    return { kind: "plan-limit", message, fix: `Ask an owner or admin of ${destination.name} to change its plan or delete a project there first.` };
  }
  return {
    kind: "plan-limit",
    message,
    fix: `Delete a project in ${destination.name} or change its plan first.`,
    link: { href: `/orgs/${destination.slug}/settings/billing`, label: `Billing of ${destination.name}` },
  };
}
