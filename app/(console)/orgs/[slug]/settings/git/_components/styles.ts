// The Git page's notice looks (plain strings, so server and client components share them).
export const warningClass =
  "rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100";

export const linkClass = "font-medium text-indigo-700 underline underline-offset-2 dark:text-indigo-300";
