"use client";

import Link from "next/link";
import { buttonClass } from "@/components/ui/button-styles";
import { describedByFor, Field, FieldFrame, inputClass } from "@/components/ui/field";
import type { AuditFilterField } from "@/lib/audit/filters";

export type ActionGroups = [label: string, options: [value: string, label: string][]][];

type Props = {
  basePath: string;
  values: Record<AuditFilterField, string>;
  errors: Partial<Record<AuditFilterField, string>>;
  filtered: boolean;
  /** The action-type choices by category: [category label, [value, label][]][] (compact: it is page data). */
  actionGroups: ActionGroups;
  csvHref: string | null;
};

function DateField({ name, label, hint, value, error }: { name: "from" | "to"; label: string; hint: string; value: string; error?: string }) {
  const id = `field-${name}`;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <input id={id} name={name} type="date" defaultValue={value} aria-invalid={error ? true : undefined} aria-describedby={describedByFor(id, hint)} className={inputClass} />
    </FieldFrame>
  );
}

/**
 * A plain GET form: filters are the URL, so they work without JavaScript and links can be shared.
 * A client component only so that the page sends its values and choices as data rather than the
 * form's markup a second time (the RSC payload); it needs no JavaScript to work.
 */
export function AuditFilters({ basePath, values, errors, filtered, actionGroups, csvHref }: Props) {
  const actionId = "field-action";
  return (
    <form method="get" action={basePath} role="search" aria-label="Filter audit events" className="rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Field
          name="actor"
          label="Actor email"
          type="email"
          defaultValue={values.actor}
          error={errors.actor}
          hint="Their current address, any case."
          autoComplete="off"
        />
        <FieldFrame id={actionId} label="Action type" error={errors.action}>
          <select id={actionId} name="action" defaultValue={values.action} aria-invalid={errors.action ? true : undefined} aria-describedby={describedByFor(actionId)} className={inputClass}>
            <option value="">All actions</option>
            {actionGroups.map(([group, options]) => (
              <optgroup key={group} label={group}>
                {options.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </FieldFrame>
        <DateField name="from" label="From" hint="A day in UTC, from 00:00." value={values.from} error={errors.from} />
        <DateField name="to" label="To" hint="A day in UTC, until 23:59." value={values.to} error={errors.to} />
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonClass()}>
          Apply filters
        </button>
        {filtered && (
          <Link href={basePath} className="text-sm text-indigo-700 underline underline-offset-2 dark:text-indigo-300">
            Clear filters
          </Link>
        )}
        {csvHref && (
          // A plain link, not next/link: the route answers with a file, not a page.
          <a href={csvHref} download className={buttonClass({ variant: "secondary", className: "sm:ml-auto" })}>
            Download CSV
          </a>
        )}
      </div>
    </form>
  );
}
