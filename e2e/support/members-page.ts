import { expect, type Page } from "@playwright/test";

type Role = "Admin" | "Developer" | "Viewer";

/** The Members settings page, found the way a person (or a screen reader) finds things on it. */
export function membersPage(page: Page, slug: string) {
  const path = `/orgs/${slug}/settings/members`;
  const notifications = page.getByRole("region", { name: /Notifications/ });
  const memberRow = (text: string) => page.getByTestId("member-row").filter({ hasText: text });
  const invitationRow = (email: string) => page.getByTestId("invitation-row").filter({ hasText: email });
  const tabs = page.getByRole("navigation", { name: "Members and invitations" });
  const tab = (name: "Members" | "Invitations") => tabs.getByRole("link", { name: new RegExp(`^${name}\\s*[\\d,]*$`) });
  const menuTrigger = (label: string) => page.getByRole("button", { name: `Actions for ${label}`, exact: true });
  const invitationMenuTrigger = (email: string) => page.getByRole("button", { name: `Actions for the invitation to ${email}`, exact: true });
  // A disabled item's name also holds its reason, so items are matched on how their name starts.
  const menuItem = (name: string) => page.getByRole("menu").getByRole("menuitem", { name: new RegExp(`^${escapeRegExp(name)}`) });

  /** Opens a tab unless it is the one shown. */
  async function openTab(name: "Members" | "Invitations") {
    const link = tab(name);
    if ((await link.getAttribute("aria-current")) === "page") return;
    await link.click();
    await expect(link).toHaveAttribute("aria-current", "page");
  }

  /** Picks `item` from the "…" menu that `trigger` opens. */
  async function choose(trigger: ReturnType<Page["getByRole"]>, item: string) {
    await trigger.click();
    await menuItem(item).click();
  }

  /** Confirms the open dialog named `dialogName` with `button`, and waits for it to close. */
  async function confirm(dialogName: string, button: string) {
    const dialog = page.getByRole("alertdialog", { name: dialogName });
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: button, exact: true }).click();
    await expect(dialog).toBeHidden();
  }

  return {
    path,
    async goto() {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1, name: "Members" })).toBeVisible();
    },
    memberRow,
    invitationRow,
    tab,
    openTab,
    menuTrigger,
    invitationMenuTrigger,
    menuItem,
    inviteDialog: page.getByRole("dialog", { name: "Invite members" }),
    /** The toast that says `message` (sonner keeps a few on screen at once). */
    toast: (message: string | RegExp) => notifications.getByText(message),
    /** Opens the invite dialog (unless a refusal kept it open) and sends it. */
    async invite(emails: string, role: Role) {
      const dialog = page.getByRole("dialog", { name: "Invite members" });
      if (!(await dialog.isVisible())) await page.getByRole("button", { name: "Invite members", exact: true }).click();
      await dialog.getByRole("textbox", { name: /^Email addresses/ }).fill(emails);
      await dialog.getByRole("combobox", { name: "Role", exact: true }).selectOption({ label: role });
      await dialog.getByRole("button", { name: "Invite", exact: true }).click();
    },
    /** Chooses "Change role…" in the member's menu, picks the role and confirms (the caller checks the outcome). */
    async changeRole(label: string, role: Role) {
      await openTab("Members");
      await choose(menuTrigger(label), "Change role…");
      const dialog = page.getByRole("alertdialog", { name: `Change the role of ${label}` });
      await dialog.getByRole("combobox", { name: "Role", exact: true }).selectOption({ label: role });
      await dialog.getByRole("button", { name: "Change role", exact: true }).click();
    },
    async remove(label: string) {
      await openTab("Members");
      await choose(menuTrigger(label), "Remove from organization…");
      await confirm(`Remove ${label}?`, "Remove member");
    },
    async resend(email: string) {
      await openTab("Invitations");
      await choose(invitationMenuTrigger(email), "Resend invitation");
    },
    async revoke(email: string) {
      await openTab("Invitations");
      await choose(invitationMenuTrigger(email), "Revoke invitation…");
      await confirm(`Revoke the invitation to ${email}?`, "Revoke invitation");
    },
    /** Leaves from one's own row (the one saying "(you)"). */
    async leave(orgName: string) {
      await openTab("Members");
      await choose(memberRow("(you)").getByRole("button", { name: /^Actions for / }), "Leave organization…");
      const dialog = page.getByRole("alertdialog", { name: `Leave ${orgName}?` });
      await dialog.getByRole("button", { name: "Leave organization", exact: true }).click();
    },
    /** "Transfer ownership…" in the new owner's menu, then their email typed to confirm. */
    async transferOwnership(to: { name: string; email: string }) {
      await openTab("Members");
      await choose(menuTrigger(to.name), "Transfer ownership…");
      const dialog = page.getByRole("alertdialog", { name: /^Transfer ownership of / });
      await dialog.getByRole("textbox", { name: `Type ${to.email} to confirm` }).fill(to.email);
      await dialog.getByRole("button", { name: "Transfer ownership", exact: true }).click();
      await expect(dialog).toBeHidden();
    },
  };
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
