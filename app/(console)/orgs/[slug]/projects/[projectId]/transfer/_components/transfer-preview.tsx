import { plural } from "@/lib/format";
import { modeLabels } from "@/lib/projects/modes";
import type { TransferPlan } from "@/lib/projects/transfer-plan";

type Props = { plan: TransferPlan; environmentLimit: number };

const h3Class = "mt-6 text-base font-semibold";
const leadClass = "mt-1 text-sm text-zinc-700 dark:text-zinc-300";
const cellClass = "px-3 py-2 text-left";

/** What the transfer moves (with counts), which environments change cluster, and which rules go. */
export function TransferPreview({ plan, environmentLimit }: Props) {
  const { counts, source, destination } = plan;
  const rules = counts.rulesKept + plan.rulesRemoved.length;
  const rows = [
    { label: "Project", value: `${plan.project.name} (key ${plan.project.key})` },
    { label: "Environments", value: plural(counts.environments, "environment") },
    { label: "Applications", value: plural(counts.applications, "application") },
    { label: "Databases", value: plural(counts.databases, "database") },
    { label: "Deployment rules", value: rules === 0 ? "none" : `${plural(counts.rulesKept, "rule")} kept, ${plan.rulesRemoved.length} removed` },
    { label: "History", value: `Past audit events stay in ${source.name}'s audit log; both organizations record the transfer.` },
  ];
  return (
    <section aria-labelledby="preview-heading" className="rounded-lg border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900">
      <h2 id="preview-heading" className="text-lg font-semibold">
        What moves to {destination.name}
      </h2>
      <dl className="mt-3 grid max-w-2xl grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-sm" data-testid="transfer-preview">
        {rows.map((row) => (
          <div key={row.label} className="contents">
            <dt className="font-medium">{row.label}</dt>
            <dd className="text-zinc-700 dark:text-zinc-300">{row.value}</dd>
          </div>
        ))}
      </dl>
      <Retargets plan={plan} limit={environmentLimit} />
      {plan.rulesRemoved.length > 0 && (
        <>
          <h3 className={h3Class}>Deployment rules that will be removed</h3>
          <p className={leadClass}>
            They send environments to clusters of {source.name}, which {destination.name} cannot deploy to. Add rules for {destination.name}&apos;s
            clusters in the project&apos;s settings after the transfer.
          </p>
          <ol className="mt-2 list-inside list-decimal space-y-1 text-sm" data-testid="rules-removed">
            {plan.rulesRemoved.map((rule) => (
              <li key={rule.id} value={rule.position}>
                <code className="font-mono">{rule.pattern}</code> → {rule.clusterName} ({modeLabels[rule.mode]})
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function Retargets({ plan, limit }: { plan: TransferPlan; limit: number }) {
  const shown = plan.retargets.slice(0, limit);
  const rest = plan.retargets.length - shown.length;
  return (
    <>
      <h3 className={h3Class}>Environments that change cluster</h3>
      {plan.retargets.length === 0 ? (
        <p className={leadClass}>The project has no environments, so no cluster changes.</p>
      ) : (
        <>
          <p className={leadClass}>
            Each environment keeps its name, mode, applications and databases, and moves to the cluster {plan.destination.name} chooses for it
            (its default cluster unless a kept deployment rule matches). Its cluster setting becomes Automatic.
          </p>
          {/* Scrolls on its own on a phone; focusable so a keyboard can scroll it too. */}
          <div className="mt-2 overflow-x-auto" tabIndex={0} role="region" aria-label="Environments that change cluster">
            <table className="min-w-full divide-y divide-zinc-200 text-sm dark:divide-zinc-800" data-testid="retargets">
              <caption className="sr-only">Environments that change cluster</caption>
              <thead>
                <tr>
                  <th scope="col" className={cellClass}>Environment</th>
                  <th scope="col" className={cellClass}>Mode</th>
                  <th scope="col" className={cellClass}>From</th>
                  <th scope="col" className={cellClass}>To</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
                {shown.map((r) => (
                  <tr key={r.environmentId}>
                    <th scope="row" className={`${cellClass} font-medium`}>{r.name}</th>
                    <td className={cellClass}>{modeLabels[r.mode]}</td>
                    <td className={cellClass}>{r.from.clusterName}</td>
                    <td className={cellClass}>
                      {r.to ? (
                        <>
                          {r.to.clusterName} <span className="text-zinc-600 dark:text-zinc-400">({r.to.via === "default" ? "default cluster" : "deployment rule"})</span>
                        </>
                      ) : (
                        <span className="font-medium text-red-700 dark:text-red-400">No cluster</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {rest > 0 && <p className={leadClass}>And {plural(rest, "more environment")}, re-targeted the same way.</p>}
        </>
      )}
    </>
  );
}
