"use client";

import type { RowAction } from "@/components/ui/row-actions";
import { RowActions } from "@/components/ui/row-actions";
import type { MemberRole } from "@/lib/authz/permissions";
import { roleLabels } from "@/lib/authz/role-labels";
import { type MenuMember, useMembersTable } from "./members-dialogs";

const article = (role: string) => (/^[AEIOU]/.test(role) ? "an" : "a");

/** Why the rules beyond the permission table (DESIGN.md §4) keep the caller off this member. */
function blockedReason(member: MenuMember, verb: "change the role of" | "remove"): string | undefined {
  const role = roleLabels[member.role as MemberRole] ?? member.role;
  switch (member.block) {
    case "self":
      return "You cannot change your own role.";
    case "owner":
      return verb === "remove" ? "The owner cannot be removed: the owner transfers ownership first." : "The owner's role changes only by a transfer of ownership.";
    case "rank":
      return `Only the owner can ${verb} ${article(role)} ${role}.`;
    default:
      return undefined;
  }
}

/**
 * One member row's "…" menu. It holds no form: choosing an item opens the table's one dialog
 * for this member. What the caller may not do stays in the menu, greyed out, saying why.
 */
export function MemberMenu({ member }: { member: MenuMember }) {
  const { choose, denied, personal } = useMembersTable();
  const open = (action: Parameters<typeof choose>[0]["action"]) => () => choose({ member, action });
  const self = member.block === "self";
  const actions: RowAction[] = [
    {
      label: "Change role…",
      onSelect: open("changeRole"),
      disabledReason: denied.changeRole ?? blockedReason(member, "change the role of"),
    },
  ];
  if (!self && member.role !== "owner" && !personal) {
    actions.push({
      label: "Transfer ownership…",
      onSelect: open("transfer"),
      disabledReason: denied.transfer,
    });
  }
  if (self) {
    actions.push({
      label: "Leave organization…",
      onSelect: open("leave"),
      variant: "danger",
      separated: true,
      disabledReason: personal
        ? "You cannot leave your personal organization."
        : member.role === "owner"
          ? "The owner cannot leave: transfer ownership first."
          : undefined,
    });
  } else {
    actions.push({
      label: "Remove from organization…",
      onSelect: open("remove"),
      variant: "danger",
      separated: true,
      disabledReason: denied.remove ?? blockedReason(member, "remove"),
    });
  }
  return <RowActions label={`Actions for ${member.label}`} actions={actions} />;
}
