import { pluralWord } from "@/lib/format";
import type { ClusterUsage } from "@/lib/pages/clusters-page";

/** "2 of 10 clusters (Business plan)", or the count alone on an unlimited plan. */
export function ClusterUsageLine({ usage }: { usage: ClusterUsage }) {
  const clusters = (n: number) => `${n} ${pluralWord(n, "cluster")}`;
  return (
    <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300" data-testid="cluster-usage">
      {usage.limit === null ? `${clusters(usage.used)} (no limit on the ${usage.planLabel} plan)` : `${usage.used} of ${clusters(usage.limit)} (${usage.planLabel} plan)`}
    </p>
  );
}
