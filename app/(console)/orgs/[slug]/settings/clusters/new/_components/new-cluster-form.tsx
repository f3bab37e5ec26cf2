"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { type CloudAccountChoice, CloudAccountSelect } from "@/components/clusters/cloud-account-select";
import { ClusterSettingsFields } from "@/components/clusters/cluster-settings-fields";
import { KubeconfigInput } from "@/components/clusters/kubeconfig-input";
import { SelectField } from "@/components/ui/select-field";
import { useActionFeedback } from "@/components/forms/use-action-feedback";
import { buttonClass } from "@/components/ui/button-styles";
import { Field, FormError } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { cloudProviders, type CloudProvider } from "@/db/schema/values";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import { kubernetesVersions, providerCatalog } from "@/lib/clusters/catalog";

type Props = {
  action: (previous: ActionState, formData: FormData) => Promise<ActionResult>;
  cancelHref: string;
  /** The organization's cloud accounts (no credentials), for the managed providers. */
  accounts: CloudAccountChoice[];
  accountsHref: string;
};

const providerOptions = cloudProviders.map((value) => ({ value, label: providerCatalog[value].label }));
const isProvider = (value: string): value is CloudProvider => (cloudProviders as readonly string[]).includes(value);

/**
 * Region and instance type options follow the chosen provider. Without JavaScript the lists stay
 * those of the first provider shown; the server refuses a mismatch and the page comes back with
 * the right lists.
 */
export function NewClusterForm({ action, cancelHref, accounts, accountsHref }: Props) {
  const [state, submit, pending] = useActionState(action, null);
  const { fieldError, formError, value } = useActionFeedback(state);
  const submittedProvider = value("provider", "aws");
  const [provider, setProvider] = useState<CloudProvider>(isProvider(submittedProvider) ? submittedProvider : "aws");
  const catalog = providerCatalog[provider];
  // After a failed submission, the submitted region counts only for the provider it was chosen for.
  const sameProvider = submittedProvider === provider;
  const region = sameProvider ? value("region", catalog.regions[0]) : catalog.regions[0];
  return (
    <form action={submit} className="mt-6" noValidate>
      <fieldset disabled={pending} className="space-y-5">
        <FormError message={formError} />
        <Field
          name="name"
          label="Cluster name"
          required
          hint="Unique in the organization: letters, digits, spaces, hyphens and underscores (at most 40)."
          defaultValue={value("name", "")}
          error={fieldError("name")}
          autoComplete="off"
        />
        <SelectField
          key={`provider:${submittedProvider}`}
          name="provider"
          label="Cloud provider"
          required
          options={providerOptions}
          defaultValue={provider}
          error={fieldError("provider")}
          onChange={(next) => isProvider(next) && setProvider(next)}
        />
        {provider !== "self_managed" && (
          <CloudAccountSelect
            accounts={accounts}
            provider={provider}
            providerLabel={catalog.label}
            accountsHref={accountsHref}
            defaultValue={sameProvider ? value("cloudAccountId", "") : ""}
            error={fieldError("cloudAccountId")}
          />
        )}
        <SelectField
          key={`region:${provider}:${region}`}
          name="region"
          label="Region"
          required
          options={catalog.regions}
          defaultValue={catalog.regions.includes(region) ? region : catalog.regions[0]}
          error={fieldError("region")}
        />
        <ClusterSettingsFields
          instanceTypes={catalog.instanceTypes}
          value={(name, saved) => (name === "instanceType" && !sameProvider ? saved : value(name, saved))}
          fieldError={fieldError}
          resubmitted={state?.ok === false}
          saved={{ kubernetesVersion: kubernetesVersions[kubernetesVersions.length - 1], instanceType: catalog.instanceTypes[0], minNodes: "1", maxNodes: "3", production: false }}
        />
        {provider === "self_managed" && <KubeconfigInput defaultValue={value("kubeconfig", "")} error={fieldError("kubeconfig")} />}
        <div className="flex items-center gap-3">
          <SubmitButton pendingLabel="Adding…">Add cluster</SubmitButton>
          <Link href={cancelHref} className={buttonClass({ variant: "secondary" })}>
            Cancel
          </Link>
        </div>
      </fieldset>
    </form>
  );
}
