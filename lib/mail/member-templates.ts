import type { MemberRole } from "@/db/schema/values";
import { roleLabels } from "@/lib/authz/permissions";
import type { PowerChangeKind } from "@/lib/members/rules";
import type { Email } from "./send";

// Changes of power (a member made Admin, an Admin demoted), emailed like an ownership transfer or
// a plan change: the owner learns of one made by someone else, and the member of their own.

type Person = { name: string; email: string };

export type PowerChangeNotice = {
  kind: PowerChangeKind;
  orgName: string;
  slug: string;
  actor: Person;
  member: Person;
  from: MemberRole;
  to: MemberRole;
  /** The owner, unless the owner made the change (they know; the audit log has it). */
  owner: Person | null;
  /** The organization's Members page. */
  link: string;
  at: Date;
};

export function powerChangeEmails(notice: PowerChangeNotice): Email[] {
  const { orgName, slug, actor, member, link } = notice;
  const change = `from ${roleLabels[notice.from]} to ${roleLabels[notice.to]}`;
  const when = notice.at.toUTCString();
  const emails: Email[] = [];
  if (notice.owner) {
    emails.push({
      to: notice.owner.email,
      subject: notice.kind === "promoted" ? `${member.name} is now an Admin of ${orgName}` : `${member.name} is no longer an Admin of ${orgName}`,
      text: [
        `${actor.name} (${actor.email}) changed the role of ${member.name} (${member.email}) in ${orgName} (${slug}) ${change} on ${when}.`,
        notice.kind === "promoted"
          ? "Admins can invite and remove members, change roles, and manage the organization's settings, clusters, Git access and billing."
          : `${member.name} can no longer manage the organization's members and settings.`,
        "",
        `If you did not expect this, review the members: ${link}`,
        "",
        `You received this email because you are the owner of ${orgName}.`,
      ].join("\n"),
    });
  }
  emails.push({
    to: member.email,
    subject: notice.kind === "promoted" ? `You are now an Admin of ${orgName}` : `You are no longer an Admin of ${orgName}`,
    text: [`${actor.name} changed your role in ${orgName} (${slug}) ${change} on ${when}.`, "", link].join("\n"),
  });
  return emails;
}
