"use client";

import { createContext, useContext, useState } from "react";

// The bulk removal's selection: the rows' checkboxes and the header's "select all on this page"
// fill one store; the bulk bar's one confirmation form sends its ids. No row has a form of its own.

export type Selectable = { id: string; label: string };

type Selection = {
  selected: ReadonlyMap<string, string>;
  toggle: (member: Selectable, on: boolean) => void;
  setAll: (members: Selectable[], on: boolean) => void;
  clear: () => void;
};

const SelectionContext = createContext<Selection | null>(null);

/** Null outside a MemberSelection: the table then shows no checkboxes. */
export function useMemberSelection(): Selection | null {
  return useContext(SelectionContext);
}

export function MemberSelection({ children }: { children: React.ReactNode }) {
  const [selected, setSelected] = useState<ReadonlyMap<string, string>>(new Map());
  const setAll = (members: Selectable[], on: boolean) =>
    setSelected((current) => {
      const next = new Map(current);
      for (const member of members) {
        if (on) next.set(member.id, member.label);
        else next.delete(member.id);
      }
      return next;
    });
  const value: Selection = { selected, setAll, toggle: (member, on) => setAll([member], on), clear: () => setSelected(new Map()) };
  return <SelectionContext.Provider value={value}>{children}</SelectionContext.Provider>;
}

const box = "size-4 rounded border-zinc-400 accent-indigo-600 dark:border-zinc-600";

/** A row's checkbox, named after the member. */
export function SelectMemberCheckbox({ member }: { member: Selectable }) {
  const selection = useMemberSelection();
  if (!selection) return null;
  return (
    <input
      type="checkbox"
      className={box}
      aria-label={`Select ${member.label}`}
      checked={selection.selected.has(member.id)}
      onChange={(event) => selection.toggle(member, event.target.checked)}
    />
  );
}

/** The header's "select all on this page": checked when every removable row is, mixed when some are. */
export function SelectAllCheckbox({ members, className, labelledByText = false }: { members: Selectable[]; className?: string; /** Named by the label around it. */ labelledByText?: boolean }) {
  const selection = useMemberSelection();
  if (!selection || members.length === 0) return null;
  const count = members.filter((member) => selection.selected.has(member.id)).length;
  const all = count === members.length;
  return (
    <input
      type="checkbox"
      className={`${box} ${className ?? ""}`}
      aria-label={labelledByText ? undefined : "Select all removable members on this page"}
      checked={all}
      ref={(input) => {
        if (input) input.indeterminate = count > 0 && !all;
      }}
      onChange={(event) => selection.setAll(members, event.target.checked)}
    />
  );
}
