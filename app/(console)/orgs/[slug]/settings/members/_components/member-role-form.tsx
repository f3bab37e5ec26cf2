"use client";

import { useToastingAction } from "@/components/members/use-toasting-action";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import { roleLabels } from "@/lib/authz/permissions";
import type { AssignableRole } from "@/lib/members/rules";

type Props = {
  action: (previous: ActionState, formData: FormData) => Promise<ActionResult>;
  member: { userId: string; label: string; role: string };
  roles: AssignableRole[];
};

/**
 * A member's role, changed with a select and a Save button (no change on merely moving through
 * options). The toast fires from the answer: making someone an admin can take this form off the row.
 */
export function MemberRoleForm({ action, member, roles }: Props) {
  const { submit, pending, fieldError, formError } = useToastingAction(action);
  const id = `role-${member.userId}`;
  const error = formError ?? fieldError("role") ?? fieldError("userId");
  return (
    <form action={submit}>
      <fieldset disabled={pending} className="flex items-center gap-2">
        <input type="hidden" name="userId" value={member.userId} />
        <label htmlFor={id} className="sr-only">
          Role for {member.label}
        </label>
        {/* Keyed on the saved role so a refreshed page shows the new one, not the old selection. */}
        <select
          key={member.role}
          id={id}
          name="role"
          defaultValue={member.role}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-error`}
          className="w-32 rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm aria-[invalid=true]:border-red-500 dark:border-zinc-700 dark:bg-zinc-900"
        >
          {roles.map((role) => (
            <option key={role} value={role}>
              {roleLabels[role]}
            </option>
          ))}
        </select>
        <button
          type="submit"
          aria-label={`Save role for ${member.label}`}
          className="rounded-md border border-zinc-300 px-2.5 py-1 text-sm font-medium hover:bg-zinc-50 disabled:opacity-60 dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          {pending ? "Saving…" : "Save"}
        </button>
      </fieldset>
      <p id={`${id}-error`} aria-live="polite" className="mt-1 max-w-xs text-sm text-red-700 empty:hidden dark:text-red-400">
        {error}
      </p>
    </form>
  );
}
