import Link from "next/link";
import type { GitConnection } from "@/lib/pages/git-page";
import { pluralWord } from "@/lib/format";

const link = "font-medium text-indigo-700 underline underline-offset-2 dark:text-indigo-300";
const warning = "rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100";

type Warnings = Extract<GitConnection, { state: "connected" }>["warnings"];

/**
 * What stopped working: the installation suspended or uninstalled on GitHub, or repositories
 * removed from it while applications still use them (each naming those applications).
 */
export function GitWarnings({ warnings }: { warnings: Warnings }) {
  if (!warnings.problem && warnings.missing.length === 0) return null;
  const shown = warnings.missing.reduce((n, repo) => n + repo.count, 0);
  const more = warnings.missingApplications - shown;
  return (
    <section aria-labelledby="git-warnings-heading" className={`mt-6 ${warning}`} data-testid="git-warnings">
      <h2 id="git-warnings-heading" className="font-semibold">
        Warnings
      </h2>
      {warnings.problem && <p className="mt-1">{warnings.problem.text}</p>}
      {warnings.missing.length > 0 && (
        <ul className="mt-2 space-y-2">
          {warnings.missing.map((repo) => (
            <li key={repo.repository}>
              <p>{repo.text}</p>
              <p className="mt-0.5 text-xs">
                Open:{" "}
                {repo.applications.map((app, index) => (
                  <span key={app.applicationId}>
                    {index > 0 && ", "}
                    <Link href={app.href} className={link}>
                      {app.name}
                      <span className="sr-only"> ({app.projectName} / {app.environmentName})</span>
                    </Link>
                  </span>
                ))}
              </p>
            </li>
          ))}
          {more > 0 && <li>and {more} {pluralWord(more, "more application")} whose repositories are no longer granted.</li>}
        </ul>
      )}
    </section>
  );
}
