import { buttonClass } from "@/components/ui/button-styles";
import { Card } from "@/components/ui/card";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import { pluralWord } from "@/lib/format";
import { gitAppName } from "@/lib/git/warnings";
import type { GitConnection } from "@/lib/pages/git-page";
import { DisconnectButton } from "./disconnect-button";

type Connected = Extract<GitConnection, { state: "connected" }>;
type Props = {
  orgName: string;
  connection: Pick<Connected, "installation" | "manageUrl" | "losing">;
  disconnect: (previous: ActionState, formData: FormData) => Promise<ActionResult>;
};

const selectionLabels: Record<string, string> = { all: "All repositories", selected: "Only select repositories" };

/** The linked GitHub account, with Manage permission (on GitHub) and Disconnect. */
export function ConnectedAccount({ orgName, connection, disconnect }: Props) {
  const { installation, manageUrl, losing } = connection;
  const more = losing.total - losing.rows.length;
  return (
    <Card aria-labelledby="git-account-heading" title={<span id="git-account-heading">Git provider account</span>} className="mt-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <div className="flex min-w-0 items-center gap-3">
          {installation.accountAvatarUrl ? (
            <img src={installation.accountAvatarUrl} alt="" width={40} height={40} className="size-10 shrink-0 rounded-full" referrerPolicy="no-referrer" />
          ) : (
            <span aria-hidden className="grid size-10 shrink-0 place-items-center rounded-full bg-zinc-200 font-semibold dark:bg-zinc-700">
              {installation.accountLogin.charAt(0).toUpperCase()}
            </span>
          )}
          <div className="min-w-0">
            <p className="font-medium break-words" data-testid="git-account-login">
              {installation.accountLogin}
            </p>
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              GitHub {installation.accountType === "Organization" ? "Organization" : "User"} ·{" "}
              {selectionLabels[installation.repositorySelection] ?? installation.repositorySelection} ·{" "}
              {installation.repositoryCount} {pluralWord(installation.repositoryCount, "repository", "repositories")} granted
            </p>
          </div>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <a href={manageUrl} target="_blank" rel="noopener noreferrer" className={buttonClass({ variant: "secondary" })}>
            Manage permission<span className="sr-only"> on GitHub (opens in a new tab)</span>
          </a>
          <DisconnectButton
            action={disconnect}
            account={installation.accountLogin}
            orgName={orgName}
            appName={gitAppName}
            losing={{
              total: losing.total,
              rows: losing.rows.map((app) => ({ name: app.name, place: `${app.projectName} / ${app.environmentName}`, repository: app.gitRepository })),
              ...(more > 0 && { more: `and ${more} ${pluralWord(more, "more application")}` }),
            }}
          />
        </div>
      </div>
    </Card>
  );
}
