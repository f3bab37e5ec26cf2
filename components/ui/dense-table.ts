import { cn } from "./cn";

// For the kit Table when a page lists many rows (50 audit events, 50 repositories): the row and
// cell styles are written once, on the <table>, as descendant variants, instead of on every cell,
// so a row weighs what its data weighs (the server-rendered tree is also sent again as the RSC
// payload, doubling every class string a row repeats). Rows are plain <tr>, cells plain
// <td data-label="Column"> with ONE child element; below 768 px rows stack as cards like the kit
// Table's and each cell shows its column's name from data-label.

export const denseTableClass = [
  "[&_td]:px-3 [&_td]:py-2 [&_td]:align-top [&_tbody_th]:px-3 [&_tbody_th]:py-2 [&_tbody_th]:text-left [&_tbody_th]:align-top",
  "max-md:[&_tbody_tr]:block max-md:[&_tbody_tr]:rounded-lg max-md:[&_tbody_tr]:border max-md:[&_tbody_tr]:border-zinc-200 max-md:[&_tbody_tr]:bg-white max-md:[&_tbody_tr]:p-3",
  "max-md:dark:[&_tbody_tr]:border-zinc-800 max-md:dark:[&_tbody_tr]:bg-zinc-900",
  "max-md:[&_tbody_th]:block max-md:[&_tbody_th]:px-0 max-md:[&_tbody_th]:py-1 max-md:[&_tbody_th]:break-words",
  "max-md:[&_td]:flex max-md:[&_td]:min-w-0 max-md:[&_td]:justify-between max-md:[&_td]:gap-3 max-md:[&_td]:px-0 max-md:[&_td]:py-1 max-md:[&_td>*]:min-w-0 max-md:[&_td>*]:text-right max-md:[&_td>*]:break-words",
  "max-md:[&_td]:before:shrink-0 max-md:[&_td]:before:text-xs max-md:[&_td]:before:text-zinc-600 max-md:[&_td]:before:content-[attr(data-label)] max-md:dark:[&_td]:before:text-zinc-400",
].join(" ");

/** The dense table's class, with the caller's additions. */
export function denseTable(className?: string): string {
  return cn(denseTableClass, className);
}
