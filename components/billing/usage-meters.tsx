import type { UsageMeter } from "@/lib/pages/billing-page";

const nouns: Record<UsageMeter["name"], [string, string]> = {
  members: ["member", "members"],
  clusters: ["cluster", "clusters"],
  projects: ["project", "projects"],
};

/** "12 of 25 members", "1 of 1 cluster", or "12 members" on an unlimited plan. */
export function usageText(meter: UsageMeter): string {
  const [one, many] = nouns[meter.name];
  if (meter.limit === null) return `${meter.used} ${meter.used === 1 ? one : many}`;
  return `${meter.used} of ${meter.limit} ${meter.limit === 1 ? one : many}`;
}

function barClass(meter: UsageMeter & { limit: number }): string {
  if (meter.used > meter.limit) return "bg-red-600";
  if (meter.used === meter.limit) return "bg-amber-500";
  return "bg-indigo-600";
}

/**
 * The current plan's limits against what the organization uses, one meter per limit. Each meter
 * has its own accessible name and value text, so a screen reader hears "Members, 12 of 25 members".
 */
export function UsageMeters({ meters, planLabel }: { meters: UsageMeter[]; planLabel: string }) {
  return (
    <ul className="mt-4 grid gap-4 sm:grid-cols-3" data-testid="usage-meters">
      {meters.map((meter) => {
        const labelId = `usage-${meter.name}`;
        const text = usageText(meter);
        return (
          <li key={meter.name} className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800" data-testid={`usage-${meter.name}`}>
            <p id={labelId} className="text-sm font-medium text-zinc-800 dark:text-zinc-200">
              {meter.label}
            </p>
            <p className="mt-1 text-lg font-semibold tabular-nums">{text}</p>
            {meter.limit === null ? (
              <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">Unlimited on the {planLabel} plan</p>
            ) : (
              <Bar meter={{ ...meter, limit: meter.limit }} labelId={labelId} text={text} />
            )}
            {meter.note && <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">{meter.note}</p>}
          </li>
        );
      })}
    </ul>
  );
}

function Bar({ meter, labelId, text }: { meter: UsageMeter & { limit: number }; labelId: string; text: string }) {
  // Usage can exceed the limit (data from before a limit existed): the value text says so, the bar stays full.
  const shown = Math.min(meter.used, meter.limit);
  const percent = meter.limit === 0 ? 100 : Math.round((shown / meter.limit) * 100);
  const over = meter.used > meter.limit;
  return (
    <>
      <div
        role="meter"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={meter.limit}
        aria-valuenow={shown}
        aria-valuetext={over ? `${text}, over the limit` : text}
        className="mt-2 h-2 w-full overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
      >
        <div className={`h-full rounded-full ${barClass(meter)}`} style={{ width: `${percent}%` }} />
      </div>
      {over && <p className="mt-2 text-sm font-medium text-red-700 dark:text-red-400">Over the limit: nothing more can be added.</p>}
      {!over && meter.used === meter.limit && <p className="mt-2 text-sm text-amber-800 dark:text-amber-300">At the limit: change plan to add more.</p>}
    </>
  );
}
