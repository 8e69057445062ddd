/**
 * Builds a name → definition map for facts or operators, refusing duplicate names at start-up
 * (never at run time).
 * @param kind What is registered, for the error message.
 * @param definitions The definitions.
 */
export function createRegistry<T extends { readonly name: string }>(kind: string, definitions: readonly T[]): ReadonlyMap<string, T> {
  const registry = new Map<string, T>();
  for (const definition of definitions) {
    if (registry.has(definition.name)) throw new Error(`duplicate ${kind} name: ${definition.name}`);
    registry.set(definition.name, definition);
  }
  return registry;
}
