"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { Suspense, useEffect, useState } from "react";
import { loadSonner, onSonnerRequested, toast } from "./toast";

const flashCookie = "flash";

type SonnerToaster = (typeof import("sonner"))["Toaster"];

/**
 * Toasts, plus the message an action left in a short-lived cookie before redirecting (a toast
 * cannot survive the navigation otherwise). Read and cleared here, so servers stay stateless.
 */
export function Toaster() {
  const [Sonner, setSonner] = useState<SonnerToaster | null>(null);
  useEffect(() => {
    let cancelled = false;
    const mount = () => void loadSonner().then((module) => !cancelled && setSonner(() => module.Toaster));
    const stop = onSonnerRequested(mount);
    // Not needed to draw the page: fetched once the browser has nothing better to do.
    const idle = window.requestIdleCallback?.(mount, { timeout: 3000 }) ?? window.setTimeout(mount, 1000);
    return () => {
      cancelled = true;
      stop();
      (window.cancelIdleCallback ?? window.clearTimeout)(idle);
    };
  }, []);
  return (
    <>
      <Suspense fallback={null}>
        <FlashMessage />
      </Suspense>
      {/* Plain toasts in the page's scheme: rich colours put green text on pale green below 4.5:1. */}
      {Sonner && <Sonner position="bottom-right" theme="system" closeButton containerAriaLabel="Notifications" />}
    </>
  );
}

// Read after every navigation, including a redirect to the same page with another query (the
// Git page after Disconnect); useSearchParams needs its own Suspense boundary.
function FlashMessage() {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  useEffect(() => {
    const entry = document.cookie.split("; ").find((c) => c.startsWith(`${flashCookie}=`));
    if (!entry) return;
    document.cookie = `${flashCookie}=; path=/; max-age=0; samesite=lax`;
    toast.success(decodeURIComponent(entry.slice(flashCookie.length + 1)));
  }, [pathname, search]);
  return null;
}
