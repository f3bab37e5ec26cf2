"use client";

import { useActionState } from "react";
import { SelectField } from "@/components/ui/select-field";
import { useActionFeedback } from "@/components/forms/use-action-feedback";
import { describedByFor, Field, FieldFrame, FormError, inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import { ApiTokensNewToken } from "./api-tokens-new-token";

type Props = {
  action: (previous: ActionState, formData: FormData) => Promise<ActionResult>;
  dateBounds: { min: string; max: string };
  resolveUrl: string;
  /** The expiry choices and their words, from the server (lib/api-tokens/expiry holds zod). */
  expiryOptions: { value: string; label: string }[];
};

/**
 * Name and expiry of a new token. The custom date appears only with "Custom date" chosen, by CSS
 * (:has on the form), so the form works the same without JavaScript.
 */
export function ApiTokensCreateForm({ action, dateBounds, resolveUrl, expiryOptions }: Props) {
  const [state, submit, pending] = useActionState(action, null);
  const { fieldError, formError, value } = useActionFeedback(state);
  const created = state?.ok ? state.data : undefined;
  const expiry = value("expiry", "30");
  const dateId = "field-expiresOn";
  const dateHint = "The token stops working at the start of this day (00:00 UTC).";
  return (
    <div className="mt-4 space-y-4">
      {created?.token && <ApiTokensNewToken key={created.token} name={created.name ?? ""} token={created.token} resolveUrl={resolveUrl} />}
      <form action={submit} noValidate aria-label="Create an API token" className="group rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
        <fieldset disabled={pending} className="space-y-4">
          <FormError message={formError} />
          <div className="grid gap-4 sm:grid-cols-3">
            <Field
              name="name"
              label="Token name"
              required
              hint="What uses it, such as “CI” or “My laptop”."
              error={fieldError("name")}
              defaultValue={value("name", "")}
              inputProps={{ maxLength: 60, autoComplete: "off" }}
            />
            <SelectField key={expiry} name="expiry" label="Expiration" options={expiryOptions} defaultValue={expiry} error={fieldError("expiry")} />
            <div className="hidden group-has-[option[value=date]:checked]:block">
              <FieldFrame id={dateId} label="Expiration date" hint={dateHint} error={fieldError("expiresOn")}>
                <input
                  id={dateId}
                  name="expiresOn"
                  type="date"
                  min={dateBounds.min}
                  max={dateBounds.max}
                  defaultValue={value("expiresOn", "")}
                  aria-invalid={fieldError("expiresOn") ? true : undefined}
                  aria-describedby={describedByFor(dateId, dateHint)}
                  className={inputClass}
                />
              </FieldFrame>
            </div>
          </div>
          <SubmitButton pendingLabel="Creating…">Create token</SubmitButton>
        </fieldset>
      </form>
    </div>
  );
}
