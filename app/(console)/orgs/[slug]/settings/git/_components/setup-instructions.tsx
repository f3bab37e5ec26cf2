import { Card } from "@/components/ui/card";
import type { SetupInstructions as Instructions } from "@/lib/pages/git-page";

const code = "rounded bg-zinc-100 px-1 py-0.5 font-mono text-[0.8125rem] dark:bg-zinc-800";
const link = "font-medium text-indigo-700 underline underline-offset-2 dark:text-indigo-300";

/**
 * Shown while the console has no GitHub App configured: which variables are missing, and how to
 * create the App for this console (its real setup and webhook addresses). Nothing is offered that
 * could not work.
 */
export function SetupInstructions({ setup }: { setup: Instructions }) {
  return (
    <Card aria-labelledby="git-setup-heading" title={<span id="git-setup-heading">The GitHub App is not configured</span>} className="mt-6">
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        This console needs its own GitHub App before an organization can choose which repositories it may use. Whoever runs the console sets
        the environment variables below and restarts it:
      </p>
      <ul className="mt-3 space-y-1 text-sm" aria-label="Missing environment variables" data-testid="git-missing-variables">
        {setup.missing.map(({ name, reason }) => (
          <li key={name}>
            <code className={code}>{name}</code>
            {reason ? ` ${reason}` : ""}
          </li>
        ))}
      </ul>
      <p className="mt-3 text-sm text-zinc-700 dark:text-zinc-300">
        On GitHub Enterprise Server, also set <code className={code}>GITHUB_URL</code> and <code className={code}>GITHUB_API_URL</code> (they
        default to github.com).
      </p>
      <h3 className="mt-5 font-semibold">Create the GitHub App</h3>
      <ol className="mt-2 list-decimal space-y-2 pl-5 text-sm text-zinc-800 dark:text-zinc-200">
        <li>
          Open{" "}
          <a href={setup.newAppUrl} target="_blank" rel="noopener noreferrer" className={link}>
            New GitHub App<span className="sr-only"> (opens in a new tab)</span>
          </a>{" "}
          (for an organization account: its Settings → Developer settings → GitHub Apps → New GitHub App).
        </li>
        <li>
          Setup URL: <code className={`${code} break-all`}>{setup.setupUrl}</code>, and tick <strong>Redirect on update</strong> so changes made on GitHub
          come back here.
        </li>
        <li>
          Webhook: active, Webhook URL <code className={`${code} break-all`}>{setup.webhookUrl}</code>, with a random secret (for example{" "}
          <code className={code}>openssl rand -hex 32</code>) that you also set as <code className={code}>GITHUB_APP_WEBHOOK_SECRET</code>.
        </li>
        <li>
          Repository permissions: <strong>Metadata</strong> read-only and <strong>Contents</strong> read-only. No other permission is needed.
        </li>
        <li>
          Events: none to tick. Every GitHub App receives <strong>Installation</strong> and <strong>Installation repositories</strong> events,
          which are the ones this console uses.
        </li>
        <li>
          Where can this GitHub App be installed: <strong>Any account</strong>, unless every organization of this console uses the GitHub account
          that owns the App.
        </li>
        <li>Create the App, then set its App ID as <code className={code}>GITHUB_APP_ID</code> and the last part of its public page address (github.com/apps/<em>name</em>) as <code className={code}>GITHUB_APP_SLUG</code>.</li>
        <li>
          Generate a private key and set the downloaded PEM as <code className={code}>GITHUB_APP_PRIVATE_KEY</code> (newlines may be written as{" "}
          <code className={code}>\n</code>).
        </li>
      </ol>
    </Card>
  );
}
