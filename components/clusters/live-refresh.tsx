"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

type Props = { active: boolean; everyMs?: number };

/**
 * While a cluster is between two states, re-renders the page from the server every few seconds
 * (router.refresh keeps client state: an open dialog, typed text). Stops when nothing is
 * changing, pauses while the tab is hidden and catches up as soon as it is shown again.
 */
export function LiveRefresh({ active, everyMs = 2_000 }: Props) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      clearTimeout(timer);
      if (document.visibilityState === "visible") timer = setTimeout(tick, everyMs);
    };
    const tick = () => {
      router.refresh();
      schedule();
    };
    const onVisibility = () => {
      if (document.visibilityState === "visible") router.refresh();
      schedule();
    };
    schedule();
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [active, everyMs, router]);
  return (
    <p role="status" aria-live="polite" className="inline-flex items-center gap-2 text-sm text-zinc-700 dark:text-zinc-300" data-testid="live-status">
      {active && (
        <>
          <span aria-hidden className="size-2 animate-pulse rounded-full bg-emerald-500" />
          Updating live
        </>
      )}
    </p>
  );
}
