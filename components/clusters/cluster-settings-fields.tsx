import { Field } from "@/components/ui/field";
import { kubernetesVersions, nodeBounds } from "@/lib/clusters/catalog";
import { SelectField } from "@/components/ui/select-field";

type Props = {
  instanceTypes: readonly string[];
  /** What to show: the submitted value after a failed submission, else the saved one. */
  value: (name: string, saved: string) => string;
  fieldError: (name: string) => string | undefined;
  saved: { kubernetesVersion: string; instanceType: string; minNodes: string; maxNodes: string; production: boolean };
  /** After a failed submission an unchecked box is absent from the values: it means "off", not "saved". */
  resubmitted: boolean;
};

const numberInput = { type: "number", inputMode: "numeric", min: nodeBounds.min, max: nodeBounds.max, step: 1 } as const;

/** The settings a cluster is created with and that an update may change. */
export function ClusterSettingsFields({ instanceTypes, value, fieldError, saved, resubmitted }: Props) {
  const version = value("kubernetesVersion", saved.kubernetesVersion);
  const instanceType = value("instanceType", saved.instanceType);
  const production = resubmitted ? value("production", "") === "on" : saved.production;
  return (
    <>
      <SelectField
        key={`version:${version}`}
        name="kubernetesVersion"
        label="Kubernetes version"
        required
        options={kubernetesVersions}
        defaultValue={version}
        error={fieldError("kubernetesVersion")}
      />
      <SelectField
        key={`type:${instanceTypes.join()}:${instanceType}`}
        name="instanceType"
        label="Node instance type"
        required
        options={instanceTypes}
        defaultValue={instanceTypes.includes(instanceType) ? instanceType : instanceTypes[0]}
        error={fieldError("instanceType")}
      />
      <div className="grid gap-5 sm:grid-cols-2">
        <Field
          name="minNodes"
          label="Minimum nodes"
          required
          hint={`The cluster never scales below this (${nodeBounds.min} to ${nodeBounds.max}).`}
          defaultValue={value("minNodes", saved.minNodes)}
          error={fieldError("minNodes")}
          inputProps={numberInput}
        />
        <Field
          name="maxNodes"
          label="Maximum nodes"
          required
          hint="The cluster never scales above this; at least the minimum."
          defaultValue={value("maxNodes", saved.maxNodes)}
          error={fieldError("maxNodes")}
          inputProps={numberInput}
        />
      </div>
      <div className="flex items-start gap-3">
        <input
          key={`production:${production}`}
          id="field-production"
          name="production"
          type="checkbox"
          defaultChecked={production}
          aria-describedby="field-production-hint"
          className="mt-0.5 size-4 rounded border-zinc-300 accent-indigo-600"
        />
        <div>
          <label htmlFor="field-production" className="text-sm font-medium text-zinc-800 dark:text-zinc-200">
            Production cluster
          </label>
          <p id="field-production-hint" className="text-xs text-zinc-600 dark:text-zinc-400">
            Marks the cluster as hosting production environments.
          </p>
        </div>
      </div>
    </>
  );
}
