"use client";

import { useEffect } from "react";
import { toast } from "sonner";

const flashCookie = "flash";

/**
 * Disconnect redirects back to this same page (with ?disconnected=…): the app's Toaster reads the
 * flash message when the pathname changes, which it does not here. This reads it when `marker`
 * (the search that the redirect changed) does. Whoever reads the cookie first clears it, so a
 * message is never shown twice.
 */
export function FlashAfterRedirect({ marker }: { marker: string }) {
  useEffect(() => {
    if (!marker) return;
    const entry = document.cookie.split("; ").find((c) => c.startsWith(`${flashCookie}=`));
    if (!entry) return;
    document.cookie = `${flashCookie}=; path=/; max-age=0; samesite=lax`;
    toast.success(decodeURIComponent(entry.slice(flashCookie.length + 1)));
  }, [marker]);
  return null;
}
