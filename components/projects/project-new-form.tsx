"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { useActionFeedback } from "@/components/forms/use-action-feedback";
import { Field, FormError } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button-styles";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import { projectKeyRule } from "@/lib/projects/catalog";

type Props = { action: (previous: ActionState, formData: FormData) => Promise<ActionResult>; cancelHref: string };

/** "Shop API" → "shop-api": a key suggestion the user may overwrite. */
function keyFromName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[-._]+|-+$/g, "")
    .slice(0, 64);
}

export function ProjectNewForm({ action, cancelHref }: Props) {
  const [state, submit, pending] = useActionState(action, null);
  const { fieldError, formError, value } = useActionFeedback(state);
  // The key follows the name until the user types a key of their own.
  const [key, setKey] = useState(() => value("key", ""));
  const [keyEdited, setKeyEdited] = useState(false);
  return (
    <form action={submit} className="mt-6" noValidate>
      <fieldset disabled={pending} className="space-y-5">
        <FormError message={formError} />
        <Field
          name="name"
          label="Project name"
          required
          defaultValue={value("name", "")}
          error={fieldError("name")}
          autoComplete="off"
          inputProps={{ maxLength: 80, onChange: (event) => !keyEdited && setKey(keyFromName(event.target.value)) }}
        />
        <Field
          name="key"
          label="Project key"
          required
          hint={`The CLI sends it as X-Project-Key. Unique in this organization, ignoring case: ${projectKeyRule}.`}
          error={fieldError("key")}
          autoComplete="off"
          inputProps={{
            value: key,
            maxLength: 64,
            spellCheck: false,
            onChange: (event) => {
              setKeyEdited(true);
              setKey(event.target.value);
            },
          }}
        />
        <div className="flex items-center gap-3">
          <SubmitButton pendingLabel="Creating…">Create project</SubmitButton>
          <Link href={cancelHref} className={buttonClass({ variant: "secondary" })}>
            Cancel
          </Link>
        </div>
      </fieldset>
    </form>
  );
}
