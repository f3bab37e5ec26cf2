// Looks shared by the projects pages (plain strings, so server and client components use them).
export const linkClass = "text-indigo-700 underline underline-offset-2 hover:text-indigo-900 dark:text-indigo-300 dark:hover:text-indigo-200";

export const panelClass = "rounded-lg border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900";

export const tableCell = "px-3 py-2 align-top";

export const tableHeadClass = "border-b border-zinc-200 text-xs tracking-wide text-zinc-600 uppercase dark:border-zinc-800 dark:text-zinc-400";

export const noticeClass =
  "rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200";

export const mutedText = "text-sm text-zinc-600 dark:text-zinc-400";

export const disabledButtonClass =
  "inline-flex cursor-not-allowed items-center rounded-md border border-zinc-200 bg-zinc-50 px-2.5 py-1 text-sm font-medium text-zinc-500 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-400";
