// Looks of the projects pages the kit has no primitive for (plain strings, for server and client
// components alike). Buttons, tables, badges and empty states come from components/ui.
export const linkClass = "text-indigo-700 underline underline-offset-2 hover:text-indigo-900 dark:text-indigo-300 dark:hover:text-indigo-200";

export const panelClass = "rounded-lg border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900";

export const noticeClass =
  "rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200";
