import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { RoleRequired } from "@/components/ui/role-required";
import { loadGitPage } from "@/lib/pages/git-page";
import { disconnectGithubAppAction, installGithubAppAction } from "./actions";
import { ConnectedAccount } from "./_components/connected-account";
import { GitWarnings } from "./_components/git-warnings";
import { InstallButton } from "./_components/install-button";
import { NotConnected } from "./_components/not-connected";
import { Repositories } from "./_components/repositories";
import { SetupInstructions } from "./_components/setup-instructions";

export const metadata: Metadata = { title: "Git Permission" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function GitPermissionPage({ params, searchParams }: Props) {
  const [{ slug }, search] = await Promise.all([params, searchParams]);
  const access = await loadGitPage(slug, {
    q: first(search.q),
    after: first(search.after),
    error: first(search.error),
    disconnected: first(search.disconnected),
    account: first(search.account),
  });
  if (!access.ok) return <RoleRequired {...access.denial} />;
  const { ctx, setup, error, connection } = access.page;
  const { org } = ctx;
  const basePath = `/orgs/${org.slug}/settings/git`;
  return (
    <div className="max-w-4xl min-w-0">
      <PageHeader id="git-heading" title="Git Permission" description={`Which GitHub repositories ${org.name} may use, through the organization's GitHub App.`} />
      {error && (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100" data-testid="git-error">
          <p className="font-medium">The GitHub App was not connected</p>
          <p className="mt-1">{error}</p>
        </div>
      )}
      {setup && <SetupInstructions setup={setup} />}
      {connection.state === "not-connected" ? (
        <NotConnected
          orgName={org.name}
          usage={connection.usage}
          disconnected={connection.disconnected}
          install={setup ? null : <InstallButton action={installGithubAppAction.bind(null, org.slug)} />}
        />
      ) : (
        <>
          <ConnectedAccount orgName={org.name} connection={connection} disconnect={disconnectGithubAppAction.bind(null, org.slug)} />
          <GitWarnings warnings={connection.warnings} />
          <Repositories
            orgSlug={org.slug}
            basePath={basePath}
            account={connection.installation.accountLogin}
            repositoryCount={connection.installation.repositoryCount}
            repositories={connection.repositories}
            query={connection.query}
            after={connection.after}
            nextCursor={connection.nextCursor}
          />
        </>
      )}
    </div>
  );
}
