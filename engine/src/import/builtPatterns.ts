/**
 * Patterns the reader builds from parts at load time (a number, a numbering, what a change is
 * measured against) rather than writing as literals. Each is made here and listed, so that the
 * robustness tests feed every one of them adversarial text, as they do every literal.
 */

const built: RegExp[] = [];

/**
 * A pattern built from parts, recorded for the robustness tests.
 * @param source The pattern's source.
 * @param flags Its flags.
 */
export function builtPattern(source: string, flags = ''): RegExp {
  const pattern = new RegExp(source, flags);
  built.push(pattern);
  return pattern;
}

/** Every pattern built so far (the modules that build them must have been loaded). */
export function builtPatterns(): readonly RegExp[] {
  return built;
}
