"use client";

import Link from "next/link";
import { useActionState } from "react";
import { SelectField } from "@/components/ui/select-field";
import { useActionFeedback } from "@/components/forms/use-action-feedback";
import { useFormChanged } from "@/components/forms/use-form-changed";
import { buttonClass } from "@/components/ui/button-styles";
import { Field, FormError } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult, ActionState } from "@/lib/actions/result";

type Option = { value: string; label: string };

type Props = {
  action: (previous: ActionState, formData: FormData) => Promise<ActionResult>;
  hidden: Record<string, string>;
  modes: Option[];
  clusters: { id: string; name: string; isDefault: boolean }[];
  defaultClusterName: string | null;
  saved: { name: string; mode: string; clusterId: string };
  modeHint?: string;
  submitLabel: string;
  pendingLabel: string;
  cancelHref: string;
};

/** The cluster select's first choice says where Automatic leads today. */
export function automaticClusterLabel(defaultClusterName: string | null): string {
  return `Automatic (deployment rules, then the default cluster: ${defaultClusterName ?? "none yet"})`;
}

/** Name, mode and cluster of an environment, for "New environment" and its edit page. */
export function EnvironmentForm({ action, hidden, modes, clusters, defaultClusterName, saved, modeHint, submitLabel, pendingLabel, cancelHref }: Props) {
  const [state, submit, pending] = useActionState(action, null);
  const { fieldError, formError, value } = useActionFeedback(state);
  const clusterOptions = [
    { value: "automatic", label: automaticClusterLabel(defaultClusterName) },
    ...clusters.map((cluster) => ({ value: cluster.id, label: cluster.isDefault ? `${cluster.name} (default)` : cluster.name })),
  ];
  const mode = value("mode", saved.mode);
  const clusterId = value("clusterId", saved.clusterId);
  // Editing (the environment is named in the hidden fields): Save waits for a change.
  const { unchanged, onChange } = useFormChanged(saved);
  const waitForChange = "environmentId" in hidden && unchanged;
  return (
    <form action={submit} onChange={onChange} className="mt-6" noValidate>
      <fieldset disabled={pending} className="space-y-5">
        {Object.entries(hidden).map(([name, hiddenValue]) => (
          <input key={name} type="hidden" name={name} value={hiddenValue} />
        ))}
        <FormError message={formError ?? fieldError("projectId") ?? fieldError("environmentId")} />
        <Field
          name="name"
          label="Environment name"
          required
          hint="Unique in the project, ignoring case (at most 60 characters). Deployment rules match it."
          defaultValue={value("name", saved.name)}
          error={fieldError("name")}
          autoComplete="off"
          inputProps={{ maxLength: 60 }}
        />
        <SelectField key={`mode:${mode}`} name="mode" label="Mode" required options={modes} defaultValue={mode} error={fieldError("mode")} hint={modeHint} />
        <SelectField
          key={`cluster:${clusterId}`}
          name="clusterId"
          label="Cluster"
          required
          options={clusterOptions}
          defaultValue={clusterId}
          error={fieldError("clusterId")}
          hint="Automatic uses the first deployment rule of the project whose pattern matches the name, else the default cluster."
        />
        <div className="flex items-center gap-3">
          <SubmitButton pendingLabel={pendingLabel} disabled={waitForChange} disabledReason="Nothing has changed yet.">
            {submitLabel}
          </SubmitButton>
          <Link href={cancelHref} className={buttonClass({ variant: "secondary" })}>
            Cancel
          </Link>
        </div>
      </fieldset>
    </form>
  );
}
