"use client";

import { useEffect, useState } from "react";
import { buttonClass } from "@/components/ui/button-styles";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog";
import type { AuditEventDetails } from "@/lib/audit/event-details";

type Loaded = { state: "loading" } | { state: "failed"; message: string } | { state: "loaded"; event: AuditEventDetails };

/** The Details dialog for the event at `url` (null: closed); loaded by AuditEventDetailsProvider. */
export function AuditEventDetailsDialog({ url, onClose }: { url: string | null; onClose: () => void }) {
  return (
    <Dialog open={url !== null} onOpenChange={(open) => !open && onClose()}>
      {url !== null && <DetailsPanel key={url} url={url} />}
    </Dialog>
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
