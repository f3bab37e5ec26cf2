import type { RepositoryUsage } from "@/lib/git/application-usage";
import { pluralWord } from "@/lib/format";
import { capitalize, gitAppName } from "@/lib/git/warnings";
import { Card } from "@/components/ui/card";

const link = "font-medium text-indigo-700 underline underline-offset-2 dark:text-indigo-300";
const warning = "rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100";

type Props = {
  orgName: string;
  usage: RepositoryUsage;
  /** The install button, or null when the App is not configured (nothing that cannot work is offered). */
  install: React.ReactNode;
  disconnected: { account: string; uninstallUrl: string } | null;
};

/** No GitHub App installed: what the platform sees meanwhile, and what an install changes. */
export function NotConnected({ orgName, usage, install, disconnected }: Props) {
  const more = usage.repositoryTotal - usage.repositories.length;
  return (
    <Card aria-labelledby="git-account-heading" title={<span id="git-account-heading">Git provider account</span>} className="mt-6">
      {disconnected && (
        <div className="mb-3 rounded-md border border-emerald-300 bg-emerald-50 px-4 py-3 text-sm text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100" data-testid="git-disconnected">
          <p className="font-medium">
            {orgName} is disconnected from {disconnected.account}: the platform can again see all the repositories your own Git account can.
          </p>
          <p className="mt-1">
            {capitalize(gitAppName)} is still installed on {disconnected.account} on GitHub. To uninstall it, open your GitHub Settings →
            Applications → Installed GitHub Apps (for an organization: its Settings → GitHub Apps), click Configure next to the App, then
            Uninstall.{" "}
            <a href={disconnected.uninstallUrl} target="_blank" rel="noopener noreferrer" className={link}>
              Open installed GitHub Apps<span className="sr-only"> (opens in a new tab)</span>
            </a>
          </p>
        </div>
      )}
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        By default, the platform can see all the repositories your own Git account can: the one you signed in with. Install {gitAppName} on
        a GitHub account to choose which of its repositories {orgName} may use. Once it is installed, every member of {orgName} only sees the
        repositories you granted.
      </p>
      <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">You can link one GitHub account (an organization or a user) to {orgName}.</p>
      {usage.applicationTotal > 0 && (
        <div role="note" aria-label="Existing applications" className={`mt-4 ${warning}`} data-testid="git-install-warning">
          <p className="font-medium">
            {usage.applicationTotal} {pluralWord(usage.applicationTotal, "application")} of {orgName} {usage.applicationTotal === 1 ? "uses" : "use"}{" "}
            {usage.repositoryTotal} {pluralWord(usage.repositoryTotal, "repository", "repositories")}. Select {usage.repositoryTotal === 1 ? "it" : "all of them"} during
            the install: an application whose repository is missing loses update and auto-deploy.
          </p>
          <ul className="mt-2 list-disc space-y-0.5 pl-5">
            {usage.repositories.map((repo) => (
              <li key={repo.fullName}>
                <span className="font-mono">{repo.fullName}</span> ({repo.applications} {pluralWord(repo.applications, "application")})
              </li>
            ))}
            {more > 0 && <li>and {more} {pluralWord(more, "more repository", "more repositories")}</li>}
          </ul>
        </div>
      )}
      {install}
    </Card>
  );
}
