"use client";

import { Tabs as TabsPrimitive } from "radix-ui";
import { cn } from "./cn";
import { tabClass, tabListClass } from "./tab-styles";

// Tabs whose panels are all on the page. Tabs that are pages of their own (and weigh only what the
// open one shows) are TabLinks.

export const Tabs = TabsPrimitive.Root;

export function TabsList({ className, ...rest }: React.ComponentProps<typeof TabsPrimitive.List>) {
  return <TabsPrimitive.List className={cn(tabListClass, className)} {...rest} />;
}

export function TabsTrigger({ className, ...rest }: React.ComponentProps<typeof TabsPrimitive.Trigger>) {
  return <TabsPrimitive.Trigger className={cn(tabClass, "data-[state=active]:border-indigo-600 data-[state=active]:text-zinc-900 dark:data-[state=active]:text-zinc-100", className)} {...rest} />;
}

export const TabsContent = TabsPrimitive.Content;
