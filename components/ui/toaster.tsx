"use client";

import { usePathname } from "next/navigation";
import { useEffect } from "react";
import { Toaster as Sonner, toast } from "sonner";

const flashCookie = "flash";

/**
 * Toasts, plus the message an action left in a short-lived cookie before redirecting (a toast
 * cannot survive the navigation otherwise). Read and cleared here, so servers stay stateless.
 */
export function Toaster() {
  const pathname = usePathname();
  useEffect(() => {
    const entry = document.cookie.split("; ").find((c) => c.startsWith(`${flashCookie}=`));
    if (!entry) return;
    document.cookie = `${flashCookie}=; path=/; max-age=0; samesite=lax`;
    toast.success(decodeURIComponent(entry.slice(flashCookie.length + 1)));
  }, [pathname]);
  return <Sonner position="bottom-right" richColors closeButton containerAriaLabel="Notifications" />;
}
