"use client";

import { useRef, useState } from "react";
import { inputClass } from "@/components/ui/field";

type Props = { defaultValue: string; error?: string };

/**
 * A self-managed cluster's kubeconfig: choose the file (its text is copied into the textarea) or
 * paste it. Only the textarea is submitted, so pasting works without JavaScript; the server
 * validates it either way.
 */
export function KubeconfigInput({ defaultValue, error }: Props) {
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const onFile = async (file: File | undefined) => {
    setReadError(null);
    if (!file || !textRef.current) return;
    try {
      textRef.current.value = await file.text();
    } catch {
      setReadError(`Could not read ${file.name}. Paste its content below instead.`);
    }
  };
  return (
    <fieldset className="space-y-3 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
      <legend className="px-1 text-sm font-medium text-zinc-800 dark:text-zinc-200">Kubeconfig (required for a self-managed cluster)</legend>
      <div>
        <label htmlFor="field-kubeconfig-file" className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
          Kubeconfig file
        </label>
        <input
          id="field-kubeconfig-file"
          type="file"
          accept=".yaml,.yml,.conf,.config,text/yaml,application/yaml,text/plain"
          aria-describedby="field-kubeconfig-file-status"
          onChange={(event) => void onFile(event.target.files?.[0])}
          className="mt-1 block w-full text-sm file:mr-3 file:rounded-md file:border file:border-zinc-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium dark:file:border-zinc-700 dark:file:bg-zinc-900 dark:file:text-zinc-200"
        />
        <p id="field-kubeconfig-file-status" role="status" className="mt-1 text-sm text-red-700 empty:hidden dark:text-red-400">
          {readError}
        </p>
      </div>
      <div>
        <label htmlFor="field-kubeconfig" className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
          Kubeconfig
        </label>
        <textarea
          ref={textRef}
          key={defaultValue}
          id="field-kubeconfig"
          name="kubeconfig"
          rows={8}
          spellCheck={false}
          defaultValue={defaultValue}
          aria-invalid={error ? true : undefined}
          aria-describedby="field-kubeconfig-hint field-kubeconfig-error"
          className={`${inputClass} font-mono text-xs`}
        />
        <p id="field-kubeconfig-hint" className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
          The file&apos;s content appears here; you can also paste it. YAML with clusters, contexts and users. Stored encrypted.
        </p>
        <p id="field-kubeconfig-error" aria-live="polite" className="mt-1 text-sm text-red-700 empty:hidden dark:text-red-400">
          {error}
        </p>
      </div>
    </fieldset>
  );
}
