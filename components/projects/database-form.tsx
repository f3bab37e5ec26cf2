"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { SelectField } from "@/components/ui/select-field";
import { useActionFeedback } from "@/components/forms/use-action-feedback";
import { useFormChanged } from "@/components/forms/use-form-changed";
import { buttonClass } from "@/components/ui/button-styles";
import { Field, FormError } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { databaseTypes, type DatabaseType } from "@/db/schema/values";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import { databaseTypeLabels, databaseVersions } from "@/lib/projects/catalog";

type Props = {
  action: (previous: ActionState, formData: FormData) => Promise<ActionResult>;
  scope: { projectId: string; environmentId: string };
  /** Editing: the database's id; its type is shown, not chosen (a database does not change type). */
  databaseId?: string;
  saved: { name: string; type: DatabaseType; version: string };
  /** The versions offered for an existing database (its own first when no longer offered). */
  versions?: string[];
  submitLabel: string;
  pendingLabel: string;
  cancelHref: string;
};

const typeOptions = databaseTypes.map((value) => ({ value, label: databaseTypeLabels[value] }));
const isType = (value: string): value is DatabaseType => (databaseTypes as readonly string[]).includes(value);

/**
 * Add or edit a database. The version list follows the chosen type; without JavaScript it stays
 * the first type's, and the server refuses a version the type does not offer.
 */
export function DatabaseForm({ action, scope, databaseId, saved, versions, submitLabel, pendingLabel, cancelHref }: Props) {
  const [state, submit, pending] = useActionState(action, null);
  const { fieldError, formError, value } = useActionFeedback(state);
  const submittedType = value("type", saved.type);
  const [type, setType] = useState<DatabaseType>(isType(submittedType) ? submittedType : saved.type);
  const offered = databaseId && versions ? versions : databaseVersions[type];
  const submittedVersion = submittedType === type ? value("version", saved.version) : offered[0];
  const version = offered.includes(submittedVersion) ? submittedVersion : offered[0];
  const { unchanged, onChange } = useFormChanged({ name: saved.name, version: saved.version });
  return (
    <form action={submit} onChange={onChange} className="mt-6" noValidate>
      <fieldset disabled={pending} className="space-y-5">
        <input type="hidden" name="projectId" value={scope.projectId} />
        <input type="hidden" name="environmentId" value={scope.environmentId} />
        {databaseId && <input type="hidden" name="databaseId" value={databaseId} />}
        <FormError message={formError} />
        <Field
          name="name"
          label="Database name"
          required
          hint="Unique in this environment (at most 60 characters)."
          defaultValue={value("name", saved.name)}
          error={fieldError("name")}
          autoComplete="off"
        />
        {databaseId ? (
          <div>
            <input type="hidden" name="type" value={saved.type} />
            <p className="text-sm font-medium text-zinc-800 dark:text-zinc-200">Type</p>
            <p className="mt-1 text-sm" data-testid="database-type">
              {databaseTypeLabels[saved.type]}
            </p>
            <p className="mt-1 text-sm text-red-700 empty:hidden dark:text-red-400" aria-live="polite">
              {fieldError("type")}
            </p>
          </div>
        ) : (
          <SelectField
            key={`type:${submittedType}`}
            name="type"
            label="Type"
            required
            options={typeOptions}
            defaultValue={type}
            error={fieldError("type")}
            onChange={(next) => isType(next) && setType(next)}
          />
        )}
        <SelectField key={`version:${type}:${version}`} name="version" label="Version" required options={offered} defaultValue={version} error={fieldError("version")} />
        <div className="flex items-center gap-3">
          <SubmitButton pendingLabel={pendingLabel} disabled={Boolean(databaseId) && unchanged} disabledReason="Nothing has changed yet.">
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
