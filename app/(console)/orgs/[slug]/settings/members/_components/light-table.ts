import { lightRowMenuTriggerStyles } from "@/components/ui/row-actions-light";

// The members and invitations tables style their cells from the <table>, once, rather than with
// the kit's per-cell classes: a page of 50 rows then costs its data, not 2 KB of classes a row.
// Same look as components/ui/table.tsx: a table from 768 px, stacked cards below, each cell then
// led by its column's name (the `data-label` attribute, shown by CSS).
export const lightTableClass = [
  "w-full text-left text-sm max-md:block",
  "[&_thead]:border-b [&_thead]:border-zinc-200 [&_thead]:text-xs [&_thead]:text-zinc-600 [&_thead]:uppercase dark:[&_thead]:border-zinc-800 dark:[&_thead]:text-zinc-400 max-md:[&_thead]:sr-only",
  "[&_th]:px-3 [&_th]:py-2 [&_th]:font-medium",
  "[&_tbody]:divide-y [&_tbody]:divide-zinc-200 dark:[&_tbody]:divide-zinc-800 max-md:[&_tbody]:block max-md:[&_tbody]:space-y-3 max-md:[&_tbody]:divide-y-0",
  "max-md:[&_tbody_tr]:relative max-md:[&_tbody_tr]:block max-md:[&_tbody_tr]:rounded-lg max-md:[&_tbody_tr]:border max-md:[&_tbody_tr]:border-zinc-200 max-md:[&_tbody_tr]:bg-white max-md:[&_tbody_tr]:p-3 max-md:dark:[&_tbody_tr]:border-zinc-800 max-md:dark:[&_tbody_tr]:bg-zinc-900",
  "[&_td]:px-3 [&_td]:py-2 [&_td]:align-middle max-md:[&_td]:flex max-md:[&_td]:min-w-0 max-md:[&_td]:items-center max-md:[&_td]:justify-between max-md:[&_td]:gap-3 max-md:[&_td]:px-0 max-md:[&_td]:py-1 max-md:[&_td]:break-words",
  "max-md:[&_td[data-label]]:before:shrink-0 max-md:[&_td[data-label]]:before:text-xs max-md:[&_td[data-label]]:before:text-zinc-600 max-md:dark:[&_td[data-label]]:before:text-zinc-400 max-md:[&_td[data-label]]:before:content-[attr(data-label)]",
  // The first cell (who) leaves room for the menu, which sits in the card's top right corner.
  "max-md:[&_td:first-child]:pr-10 max-md:[&_td:last-child]:absolute max-md:[&_td:last-child]:top-2 max-md:[&_td:last-child]:right-2 max-md:[&_td:last-child]:p-0 [&_td:last-child]:text-right",
  "[&_time]:whitespace-nowrap",
  // The members table's initials avatar and email line (see member-rows.tsx).
  "[&_[data-avatar]]:grid [&_[data-avatar]]:size-8 [&_[data-avatar]]:shrink-0 [&_[data-avatar]]:place-items-center [&_[data-avatar]]:rounded-full [&_[data-avatar]]:text-xs [&_[data-avatar]]:font-semibold",
  "[&_[data-email]]:break-all [&_[data-email]]:text-zinc-600 dark:[&_[data-email]]:text-zinc-400",
  lightRowMenuTriggerStyles,
].join(" ");
