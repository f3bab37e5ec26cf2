"use client";

import { useActionState } from "react";
import { useActionFeedback } from "@/components/forms/use-action-feedback";
import { useFormChanged } from "@/components/forms/use-form-changed";
import { DisabledButton } from "@/components/ui/disabled-button";
import { Field, FormError } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult, ActionState } from "@/lib/actions/result";

type Saved = { name: string; slug: string; description: string; website: string; adminContactEmails: string };

type Props = {
  action: (previous: ActionState, formData: FormData) => Promise<ActionResult>;
  /** Null when the caller may edit; otherwise why not (from the permission table). */
  deniedReason: string | null;
  saved: Saved;
};

/** Update stays off until a field differs from what is saved; the server validates everything again. */
export function GeneralInformationForm({ action, deniedReason, saved }: Props) {
  const [state, submit, pending] = useActionState(action, null);
  const { fieldError, formError, value } = useActionFeedback(state);
  const { ref, unchanged, onChange } = useFormChanged(saved, state);
  return (
    <form ref={ref} action={submit} onChange={onChange} noValidate>
      <fieldset disabled={pending || deniedReason !== null} className="space-y-5">
        <FormError message={formError} />
        <Field name="name" label="Company name" required defaultValue={value("name", saved.name)} error={fieldError("name")} autoComplete="organization" />
        <Field
          name="slug"
          label="Slug"
          required
          hint="Used in every URL of this organization (/orgs/your-slug). Lowercase letters, digits and hyphens; changing it changes those URLs, and the old ones redirect members to the new ones until another organization takes the old slug."
          defaultValue={value("slug", saved.slug)}
          error={fieldError("slug")}
        />
        <Field name="description" label="Description" multiline defaultValue={value("description", saved.description)} error={fieldError("description")} />
        <Field name="website" label="Website" type="url" defaultValue={value("website", saved.website)} error={fieldError("website")} autoComplete="url" />
        <Field
          name="adminContactEmails"
          label="Admin contact emails"
          hint="One or several addresses, separated by commas (at most 10). We only use them for infrastructure outages, maintenance updates and usage reports."
          defaultValue={value("adminContactEmails", saved.adminContactEmails)}
          error={fieldError("adminContactEmails")}
        />
      </fieldset>
      <div className="mt-5">
        {deniedReason ? (
          <DisabledButton reason={deniedReason}>Update</DisabledButton>
        ) : (
          // Outside the fieldset, so a disabled fieldset does not hide why: SubmitButton has its own pending state.
          <SubmitButton pendingLabel="Updating…" disabled={unchanged} disabledReason="Nothing has changed yet.">
            Update
          </SubmitButton>
        )}
      </div>
    </form>
  );
}
