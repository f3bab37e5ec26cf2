"use client";

import { useActionState, useState } from "react";
import { useActionFeedback } from "@/components/forms/use-action-feedback";
import { Field, FormError } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import { slugify } from "@/lib/orgs/slugify";

// `refusal`: the billing provider's reason this plan cannot be chosen here (whom to ask instead).
type Plan = { id: string; label: string; members: number | null; clusters: number | null; projects: number | null; refusal: string | null };

type Props = { action: (previous: ActionState, formData: FormData) => Promise<ActionResult>; plans: Plan[] };

const limit = (n: number | null, noun: string) => (n === null ? `Unlimited ${noun}` : `${n} ${noun}`);

export function NewOrganizationForm({ action, plans }: Props) {
  const [state, submit, pending] = useActionState(action, null);
  const { fieldError, formError, value } = useActionFeedback(state);
  const [name, setName] = useState("");
  // The slug follows the name until the user edits it themselves.
  const [slug, setSlug] = useState<string | null>(null);
  const shownSlug = slug ?? (name ? slugify(name) : "");
  const plan = value("plan", "free");
  const refusal = plans.find((p) => p.refusal)?.refusal ?? null;
  return (
    <form action={submit} noValidate>
      <fieldset disabled={pending} className="space-y-5">
        <FormError message={formError} />
        <Field
          name="name"
          label="Company name"
          required
          error={fieldError("name")}
          defaultValue={value("name", "")}
          inputProps={{ onChange: (event) => setName(event.target.value) }}
        />
        <Field
          name="slug"
          label="Slug"
          required
          hint="Lowercase letters, digits and hyphens, 3 to 40 characters. It appears in every URL of the organization."
          error={fieldError("slug")}
          inputProps={{ value: shownSlug, onChange: (event) => setSlug(event.target.value) }}
        />
        <fieldset>
          <legend className="text-sm font-medium">Plan</legend>
          {refusal && (
            <p id="plan-refusal" className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
              {refusal}
            </p>
          )}
          <div className="mt-2 grid gap-2 sm:grid-cols-2">
            {plans.map((p) => (
              <label
                key={p.id}
                className="flex cursor-pointer gap-3 rounded-md border border-zinc-300 p-3 text-sm has-checked:border-indigo-600 has-checked:bg-indigo-50 has-disabled:cursor-not-allowed dark:border-zinc-700 dark:has-checked:bg-indigo-950"
              >
                <input
                  type="radio"
                  name="plan"
                  value={p.id}
                  defaultChecked={p.id === plan && !p.refusal}
                  disabled={Boolean(p.refusal)}
                  aria-describedby={p.refusal ? "plan-refusal" : undefined}
                  className="mt-0.5"
                />
                <span>
                  <span className="font-medium">{p.label}</span>
                  <span className="block text-xs text-zinc-600 dark:text-zinc-400">
                    {limit(p.members, "members")} · {limit(p.clusters, "clusters")} · {limit(p.projects, "projects")}
                  </span>
                </span>
              </label>
            ))}
          </div>
          <p className="mt-1 text-sm text-red-700 empty:hidden dark:text-red-400" aria-live="polite">{fieldError("plan")}</p>
        </fieldset>
        <SubmitButton pendingLabel="Creating…">Create organization</SubmitButton>
      </fieldset>
    </form>
  );
}
