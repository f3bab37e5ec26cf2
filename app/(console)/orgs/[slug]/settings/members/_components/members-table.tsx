import { Avatar } from "@/components/ui/avatar";
import { ConfirmAction } from "@/components/members/confirm-action";
import { formatDate } from "@/components/members/format";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import { roleLabels } from "@/lib/authz/permissions";
import type { AssignableRole } from "@/lib/members/rules";
import type { MemberView } from "@/lib/pages/members-page";
import { MemberRoleForm } from "./member-role-form";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionResult>;

type Props = {
  orgName: string;
  members: MemberView[];
  roles: AssignableRole[];
  actions: { changeRole: Action; remove: Action; leave: Action };
};

const cell = "px-3 py-2 align-middle";

export function MembersTable({ orgName, members, roles, actions }: Props) {
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Members of {orgName}</caption>
        <thead className="border-b border-zinc-200 text-xs tracking-wide text-zinc-600 uppercase dark:border-zinc-800 dark:text-zinc-400">
          <tr>
            <th scope="col" className={cell}>Member</th>
            <th scope="col" className={cell}>Role</th>
            <th scope="col" className={cell}>Member since</th>
            <th scope="col" className={cell}><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {members.map((member) => {
            const label = member.name ?? member.email;
            return (
              <tr key={member.userId} data-testid="member-row">
                <td className={cell}>
                  <div className="flex items-center gap-3">
                    <Avatar name={member.name} email={member.email} image={member.image} />
                    <div className="min-w-0">
                      <p className="truncate font-medium">
                        {label}
                        {member.isSelf && <span className="font-normal text-zinc-600 dark:text-zinc-400"> (you)</span>}
                      </p>
                      {member.name && <p className="truncate text-zinc-600 dark:text-zinc-400">{member.email}</p>}
                    </div>
                  </div>
                </td>
                <td className={cell}>
                  {member.canChangeRole ? (
                    <MemberRoleForm action={actions.changeRole} member={{ userId: member.userId, label, role: member.role }} roles={roles} />
                  ) : (
                    <span className={member.isOwner ? "rounded bg-indigo-50 px-1.5 py-0.5 font-medium text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200" : ""}>
                      {roleLabels[member.role]}
                    </span>
                  )}
                </td>
                <td className={`${cell} whitespace-nowrap`}>
                  <time dateTime={member.since.toISOString()}>{formatDate(member.since)}</time>
                </td>
                <td className={`${cell} text-right`}>
                  {member.canRemove && (
                    <ConfirmAction
                      trigger="Remove"
                      triggerName={`Remove ${label}`}
                      title={`Remove ${label}?`}
                      confirm="Remove member"
                      pendingLabel="Removing…"
                      action={actions.remove}
                      fields={{ userId: member.userId }}
                      focusAfter="members-heading"
                    >
                      {label} ({member.email}) loses access to {orgName} at once: its projects, environments and settings. You can invite them again later.
                    </ConfirmAction>
                  )}
                  {member.canLeave && (
                    <ConfirmAction trigger="Leave organization" title={`Leave ${orgName}?`} confirm="Leave organization" pendingLabel="Leaving…" action={actions.leave}>
                      You lose access to {orgName} at once. To come back, someone will have to invite you again.
                    </ConfirmAction>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
