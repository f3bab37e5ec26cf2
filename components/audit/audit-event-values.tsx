import { formatAuditValue } from "./format";

type Props = { before: unknown; after: unknown };

const preClass = "mt-1 max-h-64 overflow-auto rounded bg-zinc-50 p-2 font-mono text-xs whitespace-pre-wrap break-all text-zinc-800 dark:bg-zinc-950 dark:text-zinc-200";

/** The values an event stored, on demand: a disclosure that works without JavaScript. */
export function AuditEventValues({ before, after }: Props) {
  const shown = [
    { label: "Before", text: formatAuditValue(before) },
    { label: "After", text: formatAuditValue(after) },
  ].filter((value): value is { label: string; text: string } => value.text !== null);
  if (shown.length === 0) return null;
  return (
    <details className="mt-1 text-xs">
      <summary className="w-fit cursor-pointer rounded text-indigo-700 underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 dark:text-indigo-300">
        {shown.length === 2 ? "Before and after" : `${shown[0].label} values`}
      </summary>
      <dl className="mt-1 grid gap-2 sm:grid-cols-2">
        {shown.map((value) => (
          <div key={value.label} className="min-w-0">
            <dt className="font-medium text-zinc-700 dark:text-zinc-300">{value.label}</dt>
            <dd>
              <pre className={preClass}>{value.text}</pre>
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
