"use client";

import { useFormStatus } from "react-dom";
import { Button } from "./button";
import type { ButtonSize, ButtonVariant } from "./button-styles";

type Props = {
  children: React.ReactNode;
  pendingLabel: string;
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Off until the form has something to send (an unchanged form, an untyped confirmation). */
  disabled?: boolean;
  /** Said to screen readers beside the label, e.g. why the button is off. */
  "aria-describedby"?: string;
  className?: string;
};

/** A submit button that says what is happening while its form is pending. */
export function SubmitButton({ children, pendingLabel, variant = "primary", size, disabled, className, ...rest }: Props) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant={variant} size={size} pending={pending} pendingLabel={pendingLabel} disabled={disabled} className={className} {...rest}>
      {children}
    </Button>
  );
}
