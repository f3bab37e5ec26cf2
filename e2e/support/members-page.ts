import { expect, type Page } from "@playwright/test";

/** The Members settings page, found the way a person (or a screen reader) finds things on it. */
export function membersPage(page: Page, slug: string) {
  const path = `/orgs/${slug}/settings/members`;
  const notifications = page.getByRole("region", { name: /Notifications/ });
  const memberRow = (text: string) => page.getByTestId("member-row").filter({ hasText: text });
  const invitationRow = (email: string) => page.getByTestId("invitation-row").filter({ hasText: email });

  /** Opens a confirmation dialog from its trigger and confirms it. */
  async function confirm(trigger: string, dialogName: string, button: string) {
    await page.getByRole("button", { name: trigger, exact: true }).click();
    const dialog = page.getByRole("dialog", { name: dialogName });
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
    roleSelect: (label: string) => page.getByRole("combobox", { name: `Role for ${label}`, exact: true }),
    /** The toast that says `message` (sonner keeps a few on screen at once). */
    toast: (message: string | RegExp) => notifications.getByText(message),
    async invite(emails: string, role: "Admin" | "Developer" | "Viewer") {
      await page.getByRole("textbox", { name: /^Email addresses/ }).fill(emails);
      await page.getByRole("combobox", { name: "Role", exact: true }).selectOption({ label: role });
      await page.getByRole("button", { name: "Invite", exact: true }).click();
    },
    async changeRole(label: string, role: "Admin" | "Developer" | "Viewer") {
      await page.getByRole("combobox", { name: `Role for ${label}`, exact: true }).selectOption({ label: role });
      await page.getByRole("button", { name: `Save role for ${label}`, exact: true }).click();
    },
    remove: (label: string) => confirm(`Remove ${label}`, `Remove ${label}?`, "Remove member"),
    resend: (email: string) => page.getByRole("button", { name: `Resend the invitation to ${email}`, exact: true }).click(),
    revoke: (email: string) => confirm(`Revoke the invitation to ${email}`, `Revoke the invitation to ${email}?`, "Revoke invitation"),
    async leave(orgName: string) {
      await confirm("Leave organization", `Leave ${orgName}?`, "Leave organization");
    },
    async transferOwnership(to: { name: string; email: string }, typed = to.email) {
      const section = page.getByRole("region", { name: "Transfer ownership" });
      await section.getByRole("combobox", { name: "New owner" }).selectOption({ label: `${to.name} (${to.email})` });
      await section.getByRole("textbox", { name: new RegExp(`^Type ${escapeRegExp(to.email)} to confirm`) }).fill(typed);
      await section.getByRole("button", { name: "Transfer ownership", exact: true }).click();
    },
  };
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
