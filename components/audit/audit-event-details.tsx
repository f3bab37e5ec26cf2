"use client";

import { createContext, useContext, useEffect, useState } from "react";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { buttonClass } from "@/components/ui/button-styles";
import type { AuditEventDetails } from "@/lib/audit/event-details";

// The audit log's one Details dialog. Rows carry only a small button naming their event; the
// dialog, rendered once per table, fetches that event's before/after values when it opens, so the
// page's HTML never holds them.

const OpenDetails = createContext<(id: number) => void>(() => {});

type Loaded = { state: "loading" } | { state: "failed"; message: string } | { state: "loaded"; event: AuditEventDetails };

export function AuditEventDetailsProvider({ eventsPath, children }: { eventsPath: string; children: React.ReactNode }) {
  const [openId, setOpenId] = useState<number | null>(null);
  return (
    <OpenDetails.Provider value={setOpenId}>
      {children}
      <Dialog open={openId !== null} onOpenChange={(open) => !open && setOpenId(null)}>
        {openId !== null && <DetailsPanel key={openId} url={`${eventsPath}/${openId}`} />}
      </Dialog>
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

function DetailsPanel({ url }: { url: string }) {
  const [loaded, setLoaded] = useState<Loaded>({ state: "loading" });
  useEffect(() => {
    const controller = new AbortController();
    fetch(url, { signal: controller.signal, headers: { Accept: "application/json" } })
      .then(async (response) => {
        if (!response.ok) throw new Error((await response.text()) || "This event could not be loaded.");
        setLoaded({ state: "loaded", event: (await response.json()) as AuditEventDetails });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setLoaded({ state: "failed", message: error instanceof Error ? error.message : "This event could not be loaded." });
      });
    return () => controller.abort();
  }, [url]);
  const event = loaded.state === "loaded" ? loaded.event : null;
  return (
    <DialogContent title="Event details" description={event ? event.description : loaded.state === "loading" ? "Loading the event…" : "The event could not be loaded."}>
      <div aria-live="polite" className="mt-4 text-sm">
        {loaded.state === "failed" && <p className="text-red-700 dark:text-red-400">{loaded.message}</p>}
        {event && <EventValues event={event} />}
      </div>
      <DialogFooter>
        <DialogClose className={buttonClass({ variant: "secondary" })}>Close</DialogClose>
      </DialogFooter>
    </DialogContent>
  );
}

const pre = "mt-1 max-h-72 overflow-auto rounded bg-zinc-50 p-2 font-mono text-xs break-all whitespace-pre-wrap text-zinc-800 dark:bg-zinc-950 dark:text-zinc-200";

function EventValues({ event }: { event: AuditEventDetails }) {
  const values = [
    { label: "Before", value: event.before },
    { label: "After", value: event.after },
  ].filter((entry) => entry.value !== null && entry.value !== undefined);
  return (
    <dl className="space-y-3">
      <div>
        <dt className="font-medium">Actor</dt>
        <dd className="break-words text-zinc-700 dark:text-zinc-300">{event.actorLabel}</dd>
      </div>
      <div>
        <dt className="font-medium">Action</dt>
        <dd className="text-zinc-700 dark:text-zinc-300">
          {event.actionLabel} <code className="font-mono text-xs">({event.action})</code>
        </dd>
      </div>
      <div>
        <dt className="font-medium">Target</dt>
        <dd className="break-words text-zinc-700 dark:text-zinc-300">
          {event.target.typeLabel}: {event.target.label}
        </dd>
      </div>
      {values.length === 0 && (
        <div>
          <dt className="font-medium">Values</dt>
          <dd className="text-zinc-700 dark:text-zinc-300">This event stored no before or after values.</dd>
        </div>
      )}
      {values.map((entry) => (
        <div key={entry.label} className="min-w-0">
          <dt className="font-medium">{entry.label}</dt>
          <dd>
            <pre className={pre}>{JSON.stringify(entry.value, null, 2)}</pre>
          </dd>
        </div>
      ))}
    </dl>
  );
}
