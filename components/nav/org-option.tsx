"use client";

import { roleLabels } from "@/lib/authz/permissions";
import type { OrganizationChoice } from "@/lib/orgs/queries";

type Props = {
  id: string;
  option: { kind: "org"; org: OrganizationChoice } | { kind: "new" };
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
