export const tabListClass = "flex gap-1 overflow-x-auto border-b border-zinc-200 dark:border-zinc-800";

export const tabClass =
  "-mb-px inline-flex items-center gap-2 border-b-2 border-transparent px-3 py-2 text-sm font-medium whitespace-nowrap text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100";

export const activeTabClass = "border-indigo-600 text-zinc-900 dark:text-zinc-100";
