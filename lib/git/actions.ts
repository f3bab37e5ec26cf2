import { z } from "zod";
import { defineOrgAction } from "@/lib/actions/define";
import { beginInstall, disconnect } from "./install";
import { disconnectedMessage } from "./messages";

// The Git Permission page's actions.

const noInput = z.object({});

/**
 * "Install Github Application to manage permission": redirects the browser to GitHub's installation
 * page (an absolute URL; Next's server-action redirect turns it into a full-page navigation, and
 * without JavaScript the form's POST answers 303 to it). No flash message: the toast comes back
 * from the setup callback.
 */
export const installGithubApp = defineOrgAction({ permission: "git.manage", schema: noInput }, async (ctx, _input, db) => {
  const begun = await beginInstall(db, ctx);
  if (!begun.ok) return begun;
  return { ok: true, redirectTo: begun.url, data: { url: begun.url } };
});

/**
 * "Disconnect": back on the Git page with ?disconnected=<account>&account=<type>, where the page
 * says how to uninstall the App on GitHub, and a toast naming the applications that lost access.
 */
export const disconnectGithubApp = defineOrgAction({ permission: "git.manage", schema: noInput }, async (ctx, _input, db) => {
  const done = await disconnect(db, ctx);
  if (!done.ok) return done;
  const query = new URLSearchParams({ disconnected: done.account, account: done.accountType });
  return {
    ok: true,
    message: disconnectedMessage(done.account, done.applications, done.applicationCount),
    redirectTo: `/orgs/${ctx.org.slug}/settings/git?${query}`,
  };
});
