"use client";

import { useActionState } from "react";
import { useActionFeedback } from "@/components/forms/use-action-feedback";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import { roleLabels } from "@/lib/authz/permissions";
import type { AssignableRole } from "@/lib/members/rules";

type Props = {
  action: (previous: ActionState, formData: FormData) => Promise<ActionResult>;
  roles: AssignableRole[];
  seats: { used: number; pending: number; limit: number | null; planLabel: string };
};

export function InviteForm({ action, roles, seats }: Props) {
  const [state, submit, pending] = useActionState(action, null);
  const { fieldError, formError, value } = useActionFeedback(state);
  const roleError = fieldError("role");
  const role = value("role", roles.includes("developer") ? "developer" : roles[0]);
  const full = seats.limit !== null && seats.used >= seats.limit;
  return (
    <form action={submit} noValidate className="mt-4 max-w-xl">
      <fieldset disabled={pending} className="space-y-4">
        <FormError message={formError} />
        <Field
          name="emails"
          label="Email addresses"
          multiline
          required
          hint="One or several addresses, separated by commas or new lines (at most 50 at once). Each gets an email with a link valid for 7 days."
          defaultValue={value("emails", "")}
          error={fieldError("emails")}
        />
        <div>
          <label htmlFor="field-role" className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
            Role
          </label>
          {/* Keyed on the value: a select keeps its first default through React's form reset otherwise. */}
          <select
            key={role}
            id="field-role"
            name="role"
            defaultValue={role}
            aria-invalid={roleError ? true : undefined}
            aria-describedby="field-role-error"
            className={inputClass}
          >
            {roles.map((role) => (
              <option key={role} value={role}>
                {roleLabels[role]}
              </option>
            ))}
          </select>
          <p id="field-role-error" aria-live="polite" className="mt-1 text-sm text-red-700 empty:hidden dark:text-red-400">
            {roleError}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-4">
          <SubmitButton pendingLabel="Inviting…">Invite</SubmitButton>
          <p className="text-sm text-zinc-700 dark:text-zinc-300" data-testid="seat-usage">
            {seats.used} of {seats.limit ?? "unlimited"} seats used ({seats.pending} pending)
            {full && <span className="text-amber-800 dark:text-amber-300"> · the {seats.planLabel} plan is full</span>}
          </p>
        </div>
      </fieldset>
    </form>
  );
}
