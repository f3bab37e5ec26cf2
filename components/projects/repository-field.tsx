"use client";

import { useEffect, useRef, useState } from "react";
import { describedByFor, Field, FieldFrame, inputClass } from "@/components/ui/field";
import type { RepositoryPicker } from "@/lib/git/queries";

type Props = { defaultValue: string; error?: string; picker?: RepositoryPicker | null };

/**
 * The application's Git repository. Without a GitHub App installation it is typed as owner/name;
 * with one, it is chosen among the repositories the installation grants (the server refuses any
 * other). The form and the server keep the field's name (gitRepository) and shape.
 */
export function RepositoryField({ defaultValue, error, picker }: Props) {
  if (picker) return <RepositorySelect picker={picker} defaultValue={defaultValue} error={error} />;
  return (
    <Field
      name="gitRepository"
      label="Git repository"
      required
      hint="The GitHub repository as owner/name, for example acme/web."
      defaultValue={defaultValue}
      error={error}
      autoComplete="off"
      inputProps={{ spellCheck: false, autoCapitalize: "none", placeholder: "owner/name" }}
    />
  );
}

const id = "field-gitRepository";
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * A native select of the granted repositories (keyboard and screen readers know it), with a search
 * box above it when the installation grants more than the first page: the server searches them all
 * and the select shows the matches. The chosen repository stays offered whatever the search.
 */
function RepositorySelect({ picker, defaultValue, error }: { picker: RepositoryPicker; defaultValue: string; error?: string }) {
  const [value, setValue] = useState(defaultValue);
  const [names, setNames] = useState(picker.names);
  const [query, setQuery] = useState("");
  const [status, setStatus] = useState("");
  const searched = useRef("");
  const searchable = picker.more;

  useEffect(() => {
    if (!searchable || query === searched.current) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`${picker.searchUrl}?${new URLSearchParams({ q: query })}`, { signal: controller.signal });
        if (!response.ok) throw new Error(String(response.status));
        const found = (await response.json()) as { installed: boolean; names?: string[]; more?: boolean };
        searched.current = query;
        setNames(found.names ?? []);
        const count = found.names?.length ?? 0;
        setStatus(count === 0 ? `No granted repository matches “${query}”.` : `${count}${found.more ? "+" : ""} repositories match; choose one in the list.`);
      } catch (failure) {
        if ((failure as Error).name !== "AbortError") setStatus("The search did not answer. Try again.");
      }
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, searchable, picker.searchUrl]);

  const offered = value && !names.some((name) => same(name, value)) ? [value, ...names] : names;
  // Only a complete list can tell that the current repository is no longer granted.
  const granted = (name: string) => picker.names.some((known) => same(known, name));
  const hint =
    picker.total === 0
      ? "No repository is granted to the organization's GitHub App yet: an owner or admin grants them in Git Permission → Manage permission."
      : `Only the ${picker.total === 1 ? "repository" : `${picker.total} repositories`} granted to the organization's GitHub App can be chosen; an owner or admin grants more in Git Permission.`;
  return (
    <FieldFrame id={id} label="Git repository" required hint={hint} error={error}>
      {searchable && (
        <div className="mt-1">
          <label htmlFor="git-repository-search" className="sr-only">
            Search the granted repositories
          </label>
          <input
            id="git-repository-search"
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={(event) => {
              // Enter searches here; it must not submit the application form.
              if (event.key === "Enter") event.preventDefault();
            }}
            maxLength={100}
            placeholder="Search the granted repositories"
            aria-controls={id}
            aria-describedby="git-repository-search-status"
            autoComplete="off"
            spellCheck={false}
            className={inputClass}
          />
          <p id="git-repository-search-status" aria-live="polite" className="mt-1 text-xs text-zinc-600 empty:hidden dark:text-zinc-400">
            {status}
          </p>
        </div>
      )}
      <select
        id={id}
        name="gitRepository"
        required
        value={value}
        onChange={(event) => setValue(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedByFor(id, hint)}
        className={inputClass}
      >
        <option value="">Choose a repository</option>
        {offered.map((name) => (
          <option key={name} value={name}>
            {name}
            {!picker.more && !granted(name) ? " (no longer granted)" : ""}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
