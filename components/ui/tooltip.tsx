import { cn } from "./cn";

type Props = { content: React.ReactNode; children: React.ReactNode; side?: "top" | "bottom"; id?: string };

/**
 * A hint shown on hover and while keyboard focus is inside, in CSS alone: Radix's Tooltip cost
 * about 20 kB of JavaScript on every page that shows a disabled control, and the hint is never the
 * only place something is said (controls also carry it as their accessible description, `id`).
 */
export function Tooltip({ content, children, side = "top", id }: Props) {
  return (
    <span className="group/tooltip relative inline-flex">
      {children}
      <span
        id={id}
        role="tooltip"
        className={cn(
          // Not displayed at all until shown, so a hidden hint never widens a phone's page.
          "pointer-events-none absolute left-1/2 z-50 hidden w-max max-w-[min(16rem,70vw)] -translate-x-1/2 rounded-md bg-zinc-900 px-2.5 py-1.5 text-xs font-normal whitespace-normal text-white shadow",
          "group-focus-within/tooltip:block group-hover/tooltip:block dark:bg-zinc-100 dark:text-zinc-900",
          side === "top" ? "bottom-full mb-1.5" : "top-full mt-1.5",
        )}
      >
        {content}
      </span>
    </span>
  );
}
