"use client";

import { useId } from "react";
import { useFormStatus } from "react-dom";
import { Button } from "./button";
import type { ButtonSize, ButtonVariant } from "./button-styles";
import { Tooltip } from "./tooltip";

type Props = {
  children: React.ReactNode;
  pendingLabel: string;
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Off until the form has something to send (an unchanged form, an untyped confirmation). */
  disabled?: boolean;
  /**
   * Why it is off. The button then stays focusable (aria-disabled) and refuses to submit, so a
   * keyboard user reaches it and hears the reason; the tooltip shows it on hover and focus.
   */
  disabledReason?: string;
  className?: string;
};

/** A submit button that says what is happening while its form is pending, and why it is off. */
export function SubmitButton({ children, pendingLabel, variant = "primary", size, disabled, disabledReason, className }: Props) {
  const { pending } = useFormStatus();
  const reasonId = useId();
  if (disabled && disabledReason && !pending) {
    return (
      <Tooltip content={disabledReason} id={reasonId}>
        <Button
          type="submit"
          variant={variant}
          size={size}
          className={className}
          aria-disabled="true"
          aria-describedby={reasonId}
          // Enter in a field "clicks" the submit button: refusing the click refuses the submit.
          onClick={(event) => event.preventDefault()}
        >
          {children}
        </Button>
      </Tooltip>
    );
  }
  return (
    <Button type="submit" variant={variant} size={size} pending={pending} pendingLabel={pendingLabel} disabled={disabled} className={className}>
      {children}
    </Button>
  );
}
