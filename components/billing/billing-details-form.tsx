"use client";

import { useActionState, useState } from "react";
import { SelectField } from "@/components/ui/select-field";
import { useActionFeedback } from "@/components/forms/use-action-feedback";
import { useFormChanged } from "@/components/forms/use-form-changed";
import { Field, FormError } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import type { BillingDetailsValues } from "@/lib/billing/details";

type Props = {
  action: (previous: ActionState, formData: FormData) => Promise<ActionResult>;
  /** null until someone saves the details for the first time. */
  saved: BillingDetailsValues | null;
  countries: readonly { code: string; name: string }[];
  /** The VAT field's hint per EU country, and for any other (computed on the server: the VAT rules stay out of the browser). */
  vatHints: { eu: Record<string, string>; other: string };
};

const empty: BillingDetailsValues = {
  billingEmail: "",
  companyName: "",
  vatNumber: "",
  addressLine1: "",
  addressLine2: "",
  city: "",
  postalCode: "",
  country: "",
};

/**
 * Billing email, company, address and VAT number. The VAT hint follows the chosen country (its
 * format in the EU, an optional tax ID elsewhere); the server checks everything again. Save stays
 * off until something differs from what is saved.
 */
export function BillingDetailsForm({ action, saved, countries, vatHints }: Props) {
  const [state, submit, pending] = useActionState(action, null);
  const { fieldError, formError, value } = useActionFeedback(state);
  const current = saved ?? empty;
  const { ref, unchanged, onChange } = useFormChanged(current, state);
  const submittedCountry = value("country", current.country);
  const [country, setCountry] = useState(submittedCountry);
  const countryOptions = [{ value: "", label: "Choose a country" }, ...countries.map((c) => ({ value: c.code, label: c.name }))];
  const text = (name: keyof BillingDetailsValues) => ({ name, defaultValue: value(name, current[name]), error: fieldError(name) });
  return (
    <form ref={ref} action={submit} onChange={onChange} noValidate aria-label="Billing details">
      <fieldset disabled={pending} className="space-y-5">
        <FormError message={formError} />
        <Field {...text("billingEmail")} label="Billing email" type="email" required autoComplete="email" hint="Where billing notices are sent." />
        <Field {...text("companyName")} label="Company name" required autoComplete="organization" hint="The company’s legal name." />
        <Field {...text("addressLine1")} label="Address line 1" required autoComplete="address-line1" />
        <Field {...text("addressLine2")} label="Address line 2" autoComplete="address-line2" hint="Optional." />
        <div className="grid gap-5 sm:grid-cols-2">
          <Field {...text("city")} label="City" required autoComplete="address-level2" />
          <Field {...text("postalCode")} label="Postal code" required autoComplete="postal-code" />
        </div>
        <SelectField
          key={`country:${submittedCountry}`}
          name="country"
          label="Country"
          required
          options={countryOptions}
          defaultValue={submittedCountry}
          error={fieldError("country")}
          onChange={setCountry}
        />
        <Field {...text("vatNumber")} label="VAT number" autoComplete="off" hint={vatHints.eu[country] ?? vatHints.other} />
      </fieldset>
      <div className="mt-5">
        <SubmitButton pendingLabel="Saving…" disabled={unchanged} disabledReason="Nothing has changed yet.">
          Save billing details
        </SubmitButton>
      </div>
    </form>
  );
}
