"use client";

import { useEffect, useState } from "react";

/**
 * A component fetched with `load` once `wanted` first becomes true (a panel or dialog opening),
 * then kept: null until it has arrived. A plain `import()` rather than next/dynamic, whose loader
 * machinery alone weighs ~4 kB gzip in every page that uses it.
 */
export function useLazyComponent<T>(load: () => Promise<T>, wanted: boolean): T | null {
  const [component, setComponent] = useState<T | null>(null);
  useEffect(() => {
    if (!wanted || component) return;
    let current = true;
    void load().then((loaded) => current && setComponent(() => loaded));
    return () => {
      current = false;
    };
  }, [wanted, component, load]);
  return component;
}
