"use client";

import Link from "next/link";
import { useActionState } from "react";
import { type AccountProviderName, CredentialFields } from "@/components/cloud-accounts/credential-fields";
import { useActionFeedback } from "@/components/forms/use-action-feedback";
import { buttonClass } from "@/components/ui/button-styles";
import { Field, FormError } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult, ActionState } from "@/lib/actions/result";

type Props = {
  action: (previous: ActionState, formData: FormData) => Promise<ActionResult>;
  provider: AccountProviderName;
  providerLabel: string;
  cancelHref: string;
};

/** A name and the chosen provider's credentials; the provider is the page's tab (a URL), so this works without JavaScript. */
export function NewCloudAccountForm({ action, provider, providerLabel, cancelHref }: Props) {
  const [state, submit, pending] = useActionState(action, null);
  const { fieldError, formError, value } = useActionFeedback(state);
  return (
    <form action={submit} className="mt-6" noValidate>
      <input type="hidden" name="provider" value={provider} />
      <fieldset disabled={pending} className="space-y-5">
        <FormError message={formError ?? fieldError("provider")} />
        <Field
          name="name"
          label="Account name"
          required
          hint={`How the console names this ${providerLabel} account: unique in the organization (at most 60 characters).`}
          defaultValue={value("name", "")}
          error={fieldError("name")}
          autoComplete="off"
        />
        <CredentialFields provider={provider} fieldError={fieldError} value={value} />
        <div className="flex items-center gap-3">
          <SubmitButton pendingLabel="Adding…">Add cloud account</SubmitButton>
          <Link href={cancelHref} className={buttonClass({ variant: "secondary" })}>
            Cancel
          </Link>
        </div>
      </fieldset>
    </form>
  );
}
