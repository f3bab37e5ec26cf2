"use client";

import { Dialog as DialogPrimitive } from "radix-ui";
import { cn } from "./cn";
import { overlayClass, panelClass } from "./dialog-styles";
import { useReturnFocus } from "./return-focus";

export const Dialog = DialogPrimitive.Root;
export const DialogTrigger = DialogPrimitive.Trigger;
export const DialogClose = DialogPrimitive.Close;

type ContentProps = Omit<React.ComponentProps<typeof DialogPrimitive.Content>, "title"> & { title: React.ReactNode; description?: React.ReactNode };

/**
 * A modal panel: focus is trapped, Escape and the overlay close it, focus returns to what opened
 * it. Below 768 px it fills the screen. Title and description are required props, so every dialog
 * has an accessible name.
 */
export function DialogContent({ title, description, className, children, onCloseAutoFocus, ...rest }: ContentProps) {
  const returnFocus = useReturnFocus();
  return (
    <DialogPrimitive.Portal>
      <DialogPrimitive.Overlay className={overlayClass} />
      <DialogPrimitive.Content
        className={cn(panelClass, className)}
        onCloseAutoFocus={(event) => {
          onCloseAutoFocus?.(event);
          if (!event.defaultPrevented) returnFocus(event);
        }}
        {...rest}
      >
        <DialogPrimitive.Title className="text-lg font-semibold">{title}</DialogPrimitive.Title>
        {description ? (
          <DialogPrimitive.Description asChild>
            <div className="mt-2 space-y-2 text-sm text-zinc-700 dark:text-zinc-300">{description}</div>
          </DialogPrimitive.Description>
        ) : null}
        {children}
      </DialogPrimitive.Content>
    </DialogPrimitive.Portal>
  );
}

/** Buttons at the foot of a dialog: stacked on a phone, right-aligned from 640 px. */
export function DialogFooter({ children }: { children: React.ReactNode }) {
  return <div className="mt-5 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">{children}</div>;
}
