"use client";

import { createContext, useContext, useEffect, useState } from "react";

// The bulk removal's selection: the rows' checkboxes and "select all on this page" fill one store;
// the bulk bar's one confirmation form sends its ids. No row has a form of its own. The rows
// register which of them the caller may remove once hydrated: the selection needs JavaScript
// anyway (its confirmation does), so none of it weighs on the page's HTML or its payload.

export type Selectable = { id: string; label: string };

type Selection = {
  /** This page's rows the caller may remove; empty until the rows have registered. */
  available: Selectable[];
  register: (members: Selectable[]) => void;
  selected: ReadonlyMap<string, string>;
  setAll: (members: Selectable[], on: boolean) => void;
  clear: () => void;
};

const SelectionContext = createContext<Selection | null>(null);

/** Null outside a MemberSelection: the table then shows no checkboxes. */
export function useMemberSelection(): Selection | null {
  return useContext(SelectionContext);
}

export function MemberSelection({ children }: { children: React.ReactNode }) {
  const [available, register] = useState<Selectable[]>([]);
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
  const value: Selection = { available, register, selected, setAll, clear: () => setSelected(new Map()) };
  return <SelectionContext.Provider value={value}>{children}</SelectionContext.Provider>;
}

/** The rows say which of them may be selected (rows re-render with new data after a removal). */
export function useRegisterSelectable(members: Selectable[] | null) {
  const selection = useMemberSelection();
  const register = selection?.register;
  const key = members?.map((member) => `${member.id}:${member.label}`).join("|") ?? null;
  useEffect(() => {
    if (register && members) register(members);
    // Keyed by content: a new array of the same rows is not a change.
  }, [register, key]);
}

const box = "size-4 shrink-0 rounded border-zinc-400 accent-indigo-600 dark:border-zinc-600";

/** A row's checkbox, named after the member; shown once the selection is live. */
export function SelectMemberCheckbox({ member }: { member: Selectable }) {
  const selection = useMemberSelection();
  if (!selection || !selection.available.some((one) => one.id === member.id)) return null;
  return (
    <input
      type="checkbox"
      className={box}
      aria-label={`Select ${member.label}`}
      checked={selection.selected.has(member.id)}
      onChange={(event) => selection.setAll([member], event.target.checked)}
    />
  );
}

/** "Select all on this page": checked when every removable row is, mixed when some are. */
export function SelectAllCheckbox({ className, labelledByText = false }: { className?: string; /** Named by the label around it. */ labelledByText?: boolean }) {
  const selection = useMemberSelection();
  if (!selection || selection.available.length === 0) return null;
  const members = selection.available;
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
