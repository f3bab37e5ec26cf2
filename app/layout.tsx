import type { Metadata } from "next";
import { FormSizeGuard } from "@/components/forms/form-size-guard";
import { Toaster } from "@/components/ui/toaster";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Org Console", template: "%s · Org Console" },
  description: "Manage your organizations: members, roles, Git access, clusters, plans and projects.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-zinc-50 text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        {children}
        <Toaster />
        <FormSizeGuard />
      </body>
    </html>
  );
}
