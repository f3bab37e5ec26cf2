"use client";

import { useActionState } from "react";
import { toast } from "@/components/ui/toast";
import { DialogClose, DialogFooter } from "@/components/ui/dialog";
import { buttonClass } from "@/components/ui/button-styles";
import { Field, FormError } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import { roleLabels } from "@/lib/authz/role-labels";
import type { AssignableRole } from "@/lib/members/rules";

export type Seats = { used: number; pending: number; limit: number | null; planLabel: string };

type Props = {
  action: (previous: ActionState, formData: FormData) => Promise<ActionResult>;
  roles: AssignableRole[];
  seats: Seats;
  onSuccess: () => void;
};

/**
 * Emails and a role, inside the invite dialog. Success toasts as soon as the server answers (the
 * dialog, and this form, close right after); refusals stay inline with what was typed.
 */
export function InviteForm({ action, roles, seats, onSuccess }: Props) {
  const [state, submit, pending] = useActionState(async (previous: ActionState, formData: FormData) => {
    const result = await action(previous, formData);
    if (result?.ok) {
      if (result.message) toast.success(result.message);
      onSuccess();
    }
    return result;
  }, null);
  const failed = state && !state.ok ? state : null;
  const fieldError = (name: string) => failed?.fieldErrors?.[name];
  const value = (name: string, saved: string) => failed?.values?.[name] ?? saved;
  const roleError = fieldError("role");
  const role = value("role", roles.includes("developer") ? "developer" : roles[0]);
  const full = seats.limit !== null && seats.used >= seats.limit;
  return (
    <form action={submit} noValidate className="mt-4">
      <fieldset disabled={pending} className="space-y-4">
      <FormError message={failed?.formError} />
      <Field
        name="emails"
        label="Email addresses"
        multiline
        required
        hint="One or several addresses, separated by commas or new lines (at most 50 at once). Each gets an email with a link valid for 7 days."
        defaultValue={value("emails", "")}
        error={fieldError("emails")}
      />
      {/* Keyed on the value: a select keeps its first default through React's form reset otherwise. */}
      <SelectField key={role} name="role" label="Role" options={roles.map((option) => ({ value: option, label: roleLabels[option] }))} defaultValue={role} error={roleError} />
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        Pending invitations count as seats: {seats.used} of {seats.limit ?? "unlimited"} used.
        {full && <span className="text-amber-800 dark:text-amber-300"> The {seats.planLabel} plan is full.</span>}
      </p>
      <DialogFooter>
        <DialogClose className={buttonClass({ variant: "secondary" })}>Cancel</DialogClose>
        <SubmitButton pendingLabel="Inviting…">Invite</SubmitButton>
      </DialogFooter>
      </fieldset>
    </form>
  );
}
