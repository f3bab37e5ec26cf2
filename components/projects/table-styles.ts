// The projects area's table frame and name cells, on top of the kit's Table (which stacks rows below 768 px).

/** A bordered frame from 768 px; below it each row is a card of its own. */
export const tableFrameClass = "md:rounded-lg md:border md:border-zinc-200 md:bg-white md:dark:border-zinc-800 md:dark:bg-zinc-900";

/** A row's name cell (a th, so the row is named by it); long names wrap instead of pushing the page wider. */
export const rowHeaderClass = "min-w-0 px-3 py-2 text-left font-medium break-words max-md:block max-md:px-0 max-md:pb-1";

export const nameLinkClass = "text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300";
