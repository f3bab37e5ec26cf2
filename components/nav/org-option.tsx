"use client";

import { roleLabels } from "@/lib/authz/permissions";
import type { OrganizationChoice } from "@/lib/orgs/queries";
import type { SwitcherInvitation } from "@/lib/pages/org-page";

export type SwitcherOption =
  | { kind: "org"; org: OrganizationChoice }
  | { kind: "invitation"; invitation: SwitcherInvitation }
  | { kind: "new" };

type Props = {
  id: string;
  option: SwitcherOption;
  active: boolean;
  current: boolean;
  onHover: () => void;
  onChoose: () => void;
};

export function OrgOption({ id, option, active, current, onHover, onChoose }: Props) {
  const base = "flex cursor-pointer items-center gap-2 rounded-md px-2 py-1.5 text-sm";
  const highlight = active ? "bg-indigo-50 outline-2 outline-indigo-500 dark:bg-indigo-950" : "";
  if (option.kind === "new") {
    return (
      <li id={id} role="option" aria-selected={active} onMouseMove={onHover} onClick={onChoose} className={`${base} ${highlight} mt-1 border-t border-zinc-100 font-medium text-indigo-700 dark:border-zinc-800 dark:text-indigo-300`}>
        <span aria-hidden className="w-4 text-center">+</span> New organization
      </li>
    );
  }
  if (option.kind === "invitation") {
    const { invitation } = option;
    return (
      <li id={id} role="option" aria-selected={active} onMouseMove={onHover} onClick={onChoose} className={`${base} ${highlight}`}>
        <span aria-hidden className="w-4 text-center text-emerald-600">✉</span>
        <span className="min-w-0 flex-1 truncate">
          <span className="sr-only">Join </span>
          {invitation.orgName}
          <span className="block text-xs text-zinc-600 dark:text-zinc-400">Invited as {roleLabels[invitation.role]}</span>
        </span>
        <span aria-hidden className="rounded bg-emerald-100 px-1.5 py-0.5 text-xs font-medium text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100">Join</span>
      </li>
    );
  }
  const { org } = option;
  return (
    <li id={id} role="option" aria-selected={active} aria-current={current || undefined} onMouseMove={onHover} onClick={onChoose} className={`${base} ${highlight}`}>
      <span aria-hidden className="w-4 text-indigo-600">{current ? "✓" : ""}</span>
      <span className="min-w-0 flex-1 truncate">
        {org.name}
        {current && <span className="sr-only"> (current)</span>}
      </span>
      {org.kind === "personal" && <span className="rounded bg-amber-100 px-1.5 text-xs text-amber-900 dark:bg-amber-900 dark:text-amber-100">Personal</span>}
      <span className="text-xs text-zinc-600 dark:text-zinc-400">{roleLabels[org.role]}</span>
    </li>
  );
}
