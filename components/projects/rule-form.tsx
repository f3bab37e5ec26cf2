"use client";

import { useId } from "react";
import { describedByFor, FieldFrame, FormError, inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useToastingAction } from "@/components/forms/use-toasting-action";
import type { ActionResult, ActionState } from "@/lib/actions/result";

type Option = { value: string; label: string };

type Props = {
  action: (previous: ActionState, formData: FormData) => Promise<ActionResult>;
  hidden: Record<string, string>;
  clusters: Option[];
  modes: Option[];
  saved: { pattern: string; clusterId: string; mode: string };
  submitLabel: string;
  pendingLabel: string;
  /** Called after a successful save (an edit form closes itself). */
  onSaved?: () => void;
};

/**
 * A deployment rule's pattern, cluster and mode. Several of these sit on one page (add, and one per
 * rule being edited), so every control's id comes from useId rather than from its name.
 */
export function RuleForm({ action, hidden, clusters, modes, saved, submitLabel, pendingLabel, onSaved }: Props) {
  const id = useId();
  const { submit, pending, formError, fieldError, value, state } = useToastingAction(async (previous, formData) => {
    const result = await action(previous, formData);
    if (result.ok) onSaved?.();
    return result;
  });
  // After a success the add form starts empty again; after a failure it keeps what was typed.
  const values = state?.ok ? saved : { pattern: value("pattern", saved.pattern), clusterId: value("clusterId", saved.clusterId), mode: value("mode", saved.mode) };
  const controls = [
    { name: "pattern", label: "Environment name pattern", hint: "* matches any characters: prod-*, *-preview, or * for every name." },
    { name: "clusterId", label: "Cluster", options: clusters },
    { name: "mode", label: "Mode", options: modes },
  ] as const;
  return (
    <form action={submit} noValidate>
      <fieldset disabled={pending} className="space-y-4">
        {Object.entries(hidden).map(([name, hiddenValue]) => (
          <input key={name} type="hidden" name={name} value={hiddenValue} />
        ))}
        <FormError message={formError ?? fieldError("ruleId") ?? fieldError("projectId")} />
        <div className="grid gap-4 sm:grid-cols-3">
          {controls.map((control) => {
            const controlId = `${id}-${control.name}`;
            const hint = "hint" in control ? control.hint : undefined;
            const error = fieldError(control.name);
            const shared = {
              id: controlId,
              name: control.name,
              required: true,
              "aria-invalid": error ? true : undefined,
              "aria-describedby": describedByFor(controlId, hint),
              className: inputClass,
            };
            return (
              <FieldFrame key={control.name} id={controlId} label={control.label} required hint={hint} error={error}>
                {"options" in control ? (
                  <select key={values[control.name]} defaultValue={values[control.name]} {...shared}>
                    {control.options.map((option) => (
                      <option key={option.value} value={option.value}>
                        {option.label}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input key={values.pattern} type="text" defaultValue={values.pattern} maxLength={60} autoComplete="off" spellCheck={false} {...shared} />
                )}
              </FieldFrame>
            );
          })}
        </div>
        <SubmitButton pendingLabel={pendingLabel}>{submitLabel}</SubmitButton>
      </fieldset>
    </form>
  );
}
