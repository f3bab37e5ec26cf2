"use client";

import { createContext, useContext, useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { SelectField } from "@/components/ui/select-field";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import { focusHeading } from "./focus-heading";
import { roleLabels } from "@/lib/authz/role-labels";
import type { AssignableRole } from "@/lib/members/rules";
import type { MemberBlock } from "@/lib/pages/members-page";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionResult>;

/** What a row hands to its menu: enough to name the member in a dialog, nothing more. */
export type MenuMember = { id: string; label: string; email: string; role: string; block: MemberBlock };
export type MemberAction = "changeRole" | "transfer" | "remove" | "leave";

type TableSettings = {
  orgName: string;
  personal: boolean;
  roles: AssignableRole[];
  /** Why the caller's role may not do each (from the permission table, on the server); unset: allowed. */
  denied: { changeRole?: string; remove?: string; transfer?: string };
};

type Chosen = { member: MenuMember; action: MemberAction };

const MembersTableContext = createContext<(TableSettings & { choose: (chosen: Chosen) => void }) | null>(null);

export function useMembersTable() {
  const value = useContext(MembersTableContext);
  if (!value) throw new Error("A member row menu must sit inside MembersDialogs.");
  return value;
}

type Props = TableSettings & {
  actions: { changeRole: Action; transfer: Action; remove: Action; leave: Action };
  children: React.ReactNode;
};

/**
 * The members table's dialogs, once for the whole table: a row's menu says which member and
 * which action, and the one dialog opens for it. The server re-reads the member within the
 * organization from the id; nothing else from the row is trusted.
 */
export function MembersDialogs({ actions, children, ...settings }: Props) {
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [open, setOpen] = useState(false);
  const choose = (next: Chosen) => {
    setChosen(next);
    setOpen(true);
  };
  const member = chosen?.member;
  const fields: Record<string, string> = member ? { userId: member.id } : {};
  const shared = { open, onOpenChange: setOpen, fields };
    return (
    <MembersTableContext.Provider value={{ ...settings, choose }}>
      {children}
      {member && chosen.action === "changeRole" && (
        <ConfirmDialog
          {...shared}
          variant="primary"
          title={`Change the role of ${member.label}`}
          description={`${member.label} (${member.email}) is ${roleLabels[member.role as AssignableRole] ?? member.role} now. The new role applies from their very next request.`}
          confirmLabel="Change role"
          pendingLabel="Changing…"
          action={actions.changeRole}
          extra={({ fieldError }) => <RoleSelect roles={settings.roles} current={member.role} error={fieldError("role")} />}
        />
      )}
      {member && chosen.action === "transfer" && (
        <ConfirmDialog
          {...shared}
          title={`Transfer ownership of ${settings.orgName} to ${member.label}?`}
          description={`${member.label} becomes the owner of ${settings.orgName}, with every right over it, deletion included. You become an admin. Both of you get an email.`}
          confirmLabel="Transfer ownership"
          pendingLabel="Transferring…"
          action={actions.transfer}
          typed={{ expected: member.email, field: "confirmEmail" }}
        />
      )}
      {member && chosen.action === "remove" && (
        <ConfirmDialog
          {...shared}
          title={`Remove ${member.label}?`}
          description={`${member.label} (${member.email}) loses access to ${settings.orgName} at once: its projects, environments and settings. You can invite them again later.`}
          confirmLabel="Remove member"
          pendingLabel="Removing…"
          action={actions.remove}
          onSuccess={focusHeading}
        />
      )}
      {member && chosen.action === "leave" && (
        <ConfirmDialog
          open={open}
          onOpenChange={setOpen}
          title={`Leave ${settings.orgName}?`}
          description={`You lose access to ${settings.orgName} at once. To come back, someone will have to invite you again.`}
          confirmLabel="Leave organization"
          pendingLabel="Leaving…"
          action={actions.leave}
        />
      )}
    </MembersTableContext.Provider>
  );
}

/** The new role, among those the caller may give (never Owner: that is a transfer). */
function RoleSelect({ roles, current, error }: { roles: AssignableRole[]; current: string; error?: string }) {
  // Controlled, so React's reset of the form after a refusal keeps the choice.
  const [role, setRole] = useState(roles.includes(current as AssignableRole) ? current : roles[0]);
  const options = roles.map((option) => ({ value: option, label: roleLabels[option] }));
  return <SelectField name="role" label="Role" options={options} value={role} onChange={setRole} error={error} />;
}
