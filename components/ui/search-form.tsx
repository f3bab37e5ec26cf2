import Link from "next/link";
import { buttonClass } from "./button-styles";

type Props = {
  /** Where the GET form goes (the list's own path). */
  action: string;
  /** The search landmark's name and the field's label, e.g. "Members" and "Search members". */
  name: string;
  label: string;
  query: string;
  placeholder?: string;
  /** Other query parameters the search keeps (a tab, a filter). */
  keep?: Record<string, string>;
  maxLength?: number;
};

/** The one list search: a plain GET form, so it works without JavaScript and its URL can be shared. */
export function SearchForm({ action, name, label, query, placeholder, keep = {}, maxLength = 100 }: Props) {
  const id = `search-${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  const clearHref = Object.keys(keep).length ? `${action}?${new URLSearchParams(keep)}` : action;
  return (
    <form method="get" action={action} role="search" aria-label={name} className="flex w-full flex-wrap items-end gap-2 sm:w-auto">
      {Object.entries(keep).map(([key, value]) => (
        <input key={key} type="hidden" name={key} value={value} />
      ))}
      <div className="min-w-0 flex-1 sm:flex-none">
        <label htmlFor={id} className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
          {label}
        </label>
        <input
          id={id}
          name="q"
          type="search"
          defaultValue={query}
          maxLength={maxLength}
          placeholder={placeholder}
          className="mt-1 block h-9 w-full rounded-md border border-zinc-300 bg-white px-3 text-sm sm:w-72 dark:border-zinc-700 dark:bg-zinc-900"
        />
      </div>
      <button type="submit" className={buttonClass({ variant: "secondary" })}>
        Search
      </button>
      {query && (
        <Link href={clearHref} className="px-2 py-1.5 text-sm text-indigo-700 underline underline-offset-2 dark:text-indigo-300">
          Clear search
        </Link>
      )}
    </form>
  );
}
