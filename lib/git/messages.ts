// What the Git Permission page says when the GitHub setup callback (/api/github/setup) refused an
// installation. The callback redirects to the page with ?error=<code>; only these codes are
// rendered, so a crafted link can never put words of its own on the page.

export const setupErrors = {
  "not-configured": "The GitHub App is not configured on this server, so no installation can be connected. Set the variables listed below.",
  "missing-installation": "GitHub came back without an installation. Click Install Github Application again and finish the installation on GitHub.",
  requested:
    "Your request to install the App was sent to the owners of the GitHub organization. Once one of them approves it, click Install Github Application again to connect it here.",
  "state-forged": "This installation link was not issued by this console, so it was refused. Start again with Install Github Application.",
  "state-expired": "The installation took more than 10 minutes, so its link expired. Click Install Github Application again.",
  "state-replayed": "This installation link was already used. Click Install Github Application again to start a new one.",
  "state-other-user": "This installation was started by another user of the console. Start it again yourself with Install Github Application.",
  forbidden: "You need the Admin role to connect a GitHub account to this organization.",
  "unknown-installation":
    "GitHub does not know this installation of the App (it may have been uninstalled meanwhile). Nothing was connected. Click Install Github Application again.",
  "linked-elsewhere":
    "This GitHub installation is already connected to another organization of the console. Disconnect it there first: one organization per GitHub account.",
  "already-connected": "This organization is already connected to a GitHub account. Disconnect it first: one GitHub account per organization.",
  suspended: "This installation of the App is suspended on GitHub. Unsuspend it in the GitHub account's settings, then click Install Github Application again.",
  "not-linked":
    "GitHub saved the installation's settings, but that installation is not connected to an organization you are a member of here. To connect it, click Install Github Application on your organization's Git Permission page.",
  "github-unavailable": "GitHub could not be reached to confirm the installation, so nothing was connected. Try again in a moment.",
} as const;

export type SetupErrorCode = keyof typeof setupErrors;

export function isSetupErrorCode(code: string): code is SetupErrorCode {
  return Object.hasOwn(setupErrors, code);
}

/** The words for ?error=<code>; null for anything else (an unknown code is not shown). */
export function setupErrorMessage(code: string | null | undefined): string | null {
  return code && isSetupErrorCode(code) ? setupErrors[code] : null;
}

/** beginInstall's refusal: the seed's rule, naming the account already connected. */
export function alreadyConnectedMessage(account: string): string {
  return `This organization is already connected to the GitHub account ${account}. Disconnect it first: one GitHub account per organization.`;
}

export const notConnectedMessage = "This organization has no GitHub account connected (it may have been disconnected meanwhile). Reload the page.";

/** Disconnect's toast: what happened, who loses what, and the step left on GitHub. */
export function disconnectedMessage(account: string, applications: { name: string }[], total: number): string {
  const named = applications.slice(0, 5).map((app) => app.name);
  const more = total - named.length;
  const losing =
    total === 0
      ? ""
      : ` ${total === 1 ? "1 application" : `${total} applications`} (${named.join(", ")}${more > 0 ? ` and ${more} more` : ""}) lost update and auto-deploy through the App.`;
  return `Disconnected the GitHub account ${account}.${losing} The platform can again see all repositories your own Git account can. To remove the App from GitHub too, uninstall it in ${account}'s settings on GitHub.`;
}
