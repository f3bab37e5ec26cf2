"use client";

import { useActionState } from "react";
import { useActionFeedback } from "@/components/forms/use-action-feedback";
import { Field, FormError } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult, ActionState } from "@/lib/actions/result";

type Props = { action: (previous: ActionState, formData: FormData) => Promise<ActionResult> };

/** One domain at a time; the server lowercases it and says what is wrong next to the field. */
export function AddDomainForm({ action }: Props) {
  const [state, submit, pending] = useActionState(action, null);
  const { fieldError, formError, value } = useActionFeedback(state);
  return (
    <form action={submit} noValidate aria-labelledby="add-domain-heading" className="rounded-lg border border-zinc-200 bg-white p-4 sm:p-6 dark:border-zinc-800 dark:bg-zinc-900">
      <h2 id="add-domain-heading" className="text-lg font-semibold">
        Add a domain
      </h2>
      <fieldset disabled={pending} className="mt-3 space-y-4">
        <FormError message={formError} />
        <Field
          name="domain"
          label="Domain"
          required
          hint="The part after @ in your colleagues' addresses, such as acme.com. A domain is verified by one organization at a time: you can add one that another organization has verified, but not verify it while they hold it."
          defaultValue={value("domain", "")}
          error={fieldError("domain")}
          autoComplete="off"
          inputProps={{ spellCheck: false, autoCapitalize: "none", placeholder: "acme.com" }}
        />
        <SubmitButton pendingLabel="Adding…">Add domain</SubmitButton>
      </fieldset>
    </form>
  );
}
