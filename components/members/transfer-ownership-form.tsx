"use client";

import { useState } from "react";
import { useToastingAction } from "@/components/forms/use-toasting-action";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult, ActionState } from "@/lib/actions/result";

type Candidate = { userId: string; label: string; email: string };

type Props = {
  action: (previous: ActionState, formData: FormData) => Promise<ActionResult>;
  candidates: Candidate[];
  /** Says which members the list holds and where to find the others. */
  hint: string;
};

/**
 * aqua's "promote to owner". Success makes the caller an admin, which removes this very form from
 * the page, so the toast fires from the action's answer rather than from an effect.
 */
export function TransferOwnershipForm({ action, candidates, hint }: Props) {
  const { submit, pending, formError, fieldError, value } = useToastingAction(action);
  const [userId, setUserId] = useState(() => value("userId", candidates[0]?.userId ?? ""));
  const chosen = candidates.find((c) => c.userId === userId);
  const userError = fieldError("userId");
  return (
    <form action={submit} noValidate className="mt-4 max-w-xl">
      <fieldset disabled={pending} className="space-y-4">
        <FormError message={formError} />
        <div>
          <label htmlFor="field-userId" className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
            New owner
          </label>
          <select
            id="field-userId"
            name="userId"
            value={userId}
            onChange={(event) => setUserId(event.target.value)}
            aria-invalid={userError ? true : undefined}
            aria-describedby="field-userId-hint field-userId-error"
            className={inputClass}
          >
            {candidates.map((c) => (
              <option key={c.userId} value={c.userId}>
                {c.label === c.email ? c.email : `${c.label} (${c.email})`}
              </option>
            ))}
          </select>
          <p id="field-userId-hint" className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
            {hint}
          </p>
          <p id="field-userId-error" aria-live="polite" className="mt-1 text-sm text-red-700 empty:hidden dark:text-red-400">
            {userError}
          </p>
        </div>
        <Field
          key={chosen?.email}
          name="confirmEmail"
          label={chosen ? `Type ${chosen.email} to confirm` : "Type the new owner's email to confirm"}
          required
          defaultValue={value("confirmEmail", "")}
          error={fieldError("confirmEmail")}
          inputProps={{ autoComplete: "off", spellCheck: false }}
        />
        <SubmitButton variant="danger" pendingLabel="Transferring…">
          Transfer ownership
        </SubmitButton>
      </fieldset>
    </form>
  );
}
