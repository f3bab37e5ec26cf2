"use client";

import { createContext, useContext, useState } from "react";
import { useLazyComponent } from "@/components/ui/use-lazy-component";

// The audit log's one Details dialog. Rows carry only a small button naming their event; the
// dialog, rendered once per table, fetches that event's before/after values when it opens, so the
// page's HTML never holds them. The dialog itself (Radix) is fetched the first time it opens.

const OpenDetails = createContext<(id: number) => void>(() => {});

const loadDialog = () => import("./audit-event-details-dialog").then((module) => module.AuditEventDetailsDialog);

export function AuditEventDetailsProvider({ eventsPath, children }: { eventsPath: string; children: React.ReactNode }) {
  const [openId, setOpenId] = useState<number | null>(null);
  const DetailsDialog = useLazyComponent(loadDialog, openId !== null);
  return (
    <OpenDetails.Provider value={setOpenId}>
      {children}
      {DetailsDialog && <DetailsDialog url={openId === null ? null : `${eventsPath}/${openId}`} onClose={() => setOpenId(null)} />}
    </OpenDetails.Provider>
  );
}

/** A row's one action. */
export function AuditEventDetailsButton({ id }: { id: number }) {
  const open = useContext(OpenDetails);
  return (
    // Styled by the table (audit-events-table), so its 50 copies carry no class.
    <button type="button" onClick={() => open(id)}>
      Details
    </button>
  );
}
