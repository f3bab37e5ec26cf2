"use client";

import { useActionState } from "react";
import { useActionFeedback } from "@/components/forms/use-action-feedback";
import { Field, FormError } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult, ActionState } from "@/lib/actions/result";

type Saved = { name: string; slug: string; description: string; website: string; adminContactEmails: string };

type Props = {
  action: (previous: ActionState, formData: FormData) => Promise<ActionResult>;
  canEdit: boolean;
  saved: Saved;
};

export function GeneralInformationForm({ action, canEdit, saved }: Props) {
  const [state, submit, pending] = useActionState(action, null);
  const { fieldError, formError, value } = useActionFeedback(state);
  return (
    <form action={submit} className="mt-6" noValidate>
      <fieldset disabled={pending || !canEdit} className="space-y-5">
        <FormError message={formError} />
        <Field name="name" label="Company name" required defaultValue={value("name", saved.name)} error={fieldError("name")} autoComplete="organization" />
        <Field
          name="slug"
          label="Slug"
          required
          hint="Used in every URL of this organization (/orgs/your-slug). Lowercase letters, digits and hyphens; changing it changes those URLs."
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
        {canEdit && <SubmitButton pendingLabel="Updating…">Update</SubmitButton>}
      </fieldset>
    </form>
  );
}
