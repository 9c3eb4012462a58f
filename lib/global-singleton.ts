/**
 * One instance per process, kept on `globalThis`: `next dev` re-evaluates modules on every reload and a
 * production build may load a module once per route bundle, so a module-level `const` is not one per
 * process. Every piece of process-wide state is made through this function.
 */
export function globalSingleton<T>(name: string, create: () => T): T {
  const store = processStore<T>();
  const key = keyOf(name);
  store[key] ??= create();
  return store[key];
}

/** The process's instance made by {@link globalSingleton} under `name`, if some module has made it yet. */
export function existingSingleton<T>(name: string): T | undefined {
  return processStore<T>()[keyOf(name)];
}

const processStore = <T>() => globalThis as unknown as Record<symbol, T | undefined>;
const keyOf = (name: string) => Symbol.for(`brisk.${name}`);
