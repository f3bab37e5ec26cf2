export const overlayClass = "fixed inset-0 z-40 bg-zinc-950/50";

// Centered from 768 px; below, the panel is the screen (a phone keyboard leaves it usable).
export const panelClass =
  "fixed z-50 overflow-y-auto bg-white text-left text-zinc-900 shadow-xl outline-none dark:bg-zinc-900 dark:text-zinc-100 " +
  "max-md:inset-0 max-md:p-5 " +
  "md:top-1/2 md:left-1/2 md:max-h-[85vh] md:w-full md:max-w-md md:-translate-x-1/2 md:-translate-y-1/2 md:rounded-lg md:border md:border-zinc-200 md:p-6 md:dark:border-zinc-700";
