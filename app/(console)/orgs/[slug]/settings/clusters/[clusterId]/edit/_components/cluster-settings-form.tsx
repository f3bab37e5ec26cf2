"use client";

import Link from "next/link";
import { useActionState } from "react";
import { ClusterSettingsFields } from "@/components/clusters/cluster-settings-fields";
import { useActionFeedback } from "@/components/forms/use-action-feedback";
import { useFormChanged } from "@/components/forms/use-form-changed";
import { buttonClass } from "@/components/ui/button-styles";
import { FormError } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult, ActionState } from "@/lib/actions/result";

type Props = {
  action: (previous: ActionState, formData: FormData) => Promise<ActionResult>;
  clusterId: string;
  instanceTypes: string[];
  saved: { kubernetesVersion: string; instanceType: string; minNodes: number; maxNodes: number; production: boolean };
  cancelHref: string;
};

export function ClusterSettingsForm({ action, clusterId, instanceTypes, saved, cancelHref }: Props) {
  const [state, submit, pending] = useActionState(action, null);
  const { fieldError, formError, value } = useActionFeedback(state);
  const { unchanged, onChange } = useFormChanged({
    kubernetesVersion: saved.kubernetesVersion,
    instanceType: saved.instanceType,
    minNodes: String(saved.minNodes),
    maxNodes: String(saved.maxNodes),
    production: saved.production ? "on" : "",
  });
  return (
    <form action={submit} onChange={onChange} className="mt-6" noValidate>
      <fieldset disabled={pending} className="space-y-5">
        <input type="hidden" name="clusterId" value={clusterId} />
        <FormError message={formError ?? fieldError("clusterId")} />
        <ClusterSettingsFields
          instanceTypes={instanceTypes}
          value={value}
          fieldError={fieldError}
          resubmitted={state?.ok === false}
          saved={{ ...saved, minNodes: String(saved.minNodes), maxNodes: String(saved.maxNodes) }}
        />
        <div className="flex items-center gap-3">
          <SubmitButton pendingLabel="Updating…" disabled={unchanged} disabledReason="Nothing has changed yet.">
            Update
          </SubmitButton>
          <Link href={cancelHref} className={buttonClass({ variant: "secondary" })}>
            Cancel
          </Link>
        </div>
      </fieldset>
    </form>
  );
}
