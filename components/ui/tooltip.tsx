"use client";

import { Tooltip as TooltipPrimitive } from "radix-ui";

type Props = { content: React.ReactNode; children: React.ReactElement; side?: "top" | "bottom" | "left" | "right" };

/**
 * A hint on hover and on keyboard focus. It is never the only place something is said: controls
 * also carry it as their accessible description (see DisabledButton).
 */
export function Tooltip({ content, children, side = "top" }: Props) {
  return (
    <TooltipPrimitive.Provider delayDuration={200}>
      <TooltipPrimitive.Root>
        <TooltipPrimitive.Trigger asChild>{children}</TooltipPrimitive.Trigger>
        <TooltipPrimitive.Portal>
          <TooltipPrimitive.Content
            side={side}
            sideOffset={6}
            collisionPadding={8}
            className="z-50 max-w-xs rounded-md bg-zinc-900 px-2.5 py-1.5 text-xs text-white shadow dark:bg-zinc-100 dark:text-zinc-900"
          >
            {content}
          </TooltipPrimitive.Content>
        </TooltipPrimitive.Portal>
      </TooltipPrimitive.Root>
    </TooltipPrimitive.Provider>
  );
}
