import { z } from "zod";
import type { Db } from "@/db/client";
import type { HandlerResult, OrgActionDefinition } from "@/lib/actions/run-action";
import type { OrgContext } from "@/lib/authz/context";
import { beginInstall, disconnect } from "./install";
import { disconnectedMessage } from "./messages";

// The Git Permission page's actions, declared here so the tests run exactly what the page binds
// (app/(console)/orgs/[slug]/settings/git/actions.ts), through the same door (runOrgAction).

const noInput = z.object({});

export const installGithubAppDefinition = { permission: "git.manage", schema: noInput } satisfies OrgActionDefinition<typeof noInput>;

/**
 * "Install Github Application to manage permission": redirects the browser to GitHub's installation
 * page (an absolute URL; Next's server-action redirect turns it into a full-page navigation, and
 * without JavaScript the form's POST answers 303 to it). No flash message: the toast comes back
 * from the setup callback.
 */
export async function handleInstallGithubApp(ctx: OrgContext, _input: z.output<typeof noInput>, db: Db): Promise<HandlerResult> {
  const begun = await beginInstall(db, ctx);
  if (!begun.ok) return begun;
  return { ok: true, redirectTo: begun.url, data: { url: begun.url } };
}

export const disconnectGithubAppDefinition = { permission: "git.manage", schema: noInput } satisfies OrgActionDefinition<typeof noInput>;

/**
 * "Disconnect": back on the Git page with ?disconnected=<account>&account=<type>, where the page
 * says how to uninstall the App on GitHub, and a toast naming the applications that lost access.
 */
export async function handleDisconnectGithubApp(ctx: OrgContext, _input: z.output<typeof noInput>, db: Db): Promise<HandlerResult> {
  const done = await disconnect(db, ctx);
  if (!done.ok) return done;
  const query = new URLSearchParams({ disconnected: done.account, account: done.accountType });
  return {
    ok: true,
    message: disconnectedMessage(done.account, done.applications, done.applicationCount),
    redirectTo: `/orgs/${ctx.org.slug}/settings/git?${query}`,
  };
}
