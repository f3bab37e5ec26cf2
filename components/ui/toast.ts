"use client";

// Toasts without sonner in every page's first load (~10 kB gzip): the library is fetched when the
// browser is idle after hydration, or at the first toast if one comes sooner. sonner replays the
// toasts created before its Toaster subscribed, so nothing said early is lost.

type Sonner = typeof import("sonner");
type Options = { id?: string | number; description?: string; duration?: number };

let sonner: Promise<Sonner> | null = null;
const whenRequested = new Set<() => void>();

/** Starts fetching sonner (once) and tells the Toaster to mount it. */
export function loadSonner(): Promise<Sonner> {
  if (!sonner) {
    sonner = import("sonner");
    for (const notify of whenRequested) notify();
  }
  return sonner;
}

/** Calls `notify` when sonner is first asked for; returns the unsubscribe. */
export function onSonnerRequested(notify: () => void): () => void {
  whenRequested.add(notify);
  return () => whenRequested.delete(notify);
}

let nextId = 0;

function show(kind: "success" | "error" | "info" | "loading", message: string, options: Options = {}): string | number {
  // The id is chosen here so that a caller can dismiss a toast that has not been drawn yet.
  const id = options.id ?? `toast-${++nextId}`;
  void loadSonner().then(({ toast }) => toast[kind](message, { ...options, id }));
  return id;
}

export const toast = {
  success: (message: string, options?: Options) => show("success", message, options),
  error: (message: string, options?: Options) => show("error", message, options),
  info: (message: string, options?: Options) => show("info", message, options),
  loading: (message: string, options?: Options) => show("loading", message, options),
  dismiss: (id?: string | number) => void loadSonner().then(({ toast: sonnerToast }) => sonnerToast.dismiss(id)),
};
