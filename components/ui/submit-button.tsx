"use client";

import { useFormStatus } from "react-dom";

type Props = { children: React.ReactNode; pendingLabel: string; variant?: "primary" | "danger" };

const variants = {
  primary: "bg-indigo-600 text-white hover:bg-indigo-500",
  danger: "bg-red-600 text-white hover:bg-red-500",
};

/** A submit button that says what is happening while its form is pending. */
export function SubmitButton({ children, pendingLabel, variant = "primary" }: Props) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className={`inline-flex items-center gap-2 rounded-md px-4 py-2 text-sm font-medium shadow-sm disabled:cursor-wait disabled:opacity-70 ${variants[variant]}`}
    >
      {pending && <span aria-hidden className="size-3.5 animate-spin rounded-full border-2 border-white/40 border-t-white" />}
      {pending ? pendingLabel : children}
    </button>
  );
}
