/**
 * Every piece of generated code in the engine is made here. The hot loops
 * over a save's cells (~230,000 a save) are generated per table so that
 * each field is a constant property access and each cell's kind is in the
 * code, not looked up: V8 then inlines them. Each compiler also has a plain
 * interpreted version, used where `new Function` is refused (a content
 * security policy without 'unsafe-eval'), and keeps the text of what it
 * generated so tests and people can read it.
 */

export interface Compiled<F> {
  fn: F;
  /** The generated function's source, or a note that the interpreted fallback runs instead. */
  source: string;
  /** False when `new Function` is unavailable and the fallback runs. */
  generated: boolean;
}

function probe(): boolean {
  try {
    new Function('');
    return true;
  } catch {
    return false;
  }
}

/** Whether this realm lets code be generated; decided when a compiler first runs. */
let canGenerate: boolean | null = null;

export function codegenAvailable(): boolean {
  canGenerate ??= probe();
  return canGenerate;
}

/** Test hook: every compiler from now on takes its fallback, as where `new Function` is refused. */
export function forceInterpreted(): void {
  canGenerate = false;
}

/**
 * `new Function(...params, body)`, or `fallback` where that is refused.
 * With `factory`, the body returns the function and is called once with
 * `factoryArgs` (how generated code gets helpers it closes over).
 */
export function compile<F>(
  name: string,
  params: readonly string[],
  body: string,
  fallback: () => F,
  factoryArgs?: readonly unknown[],
): Compiled<F> {
  const source = `function ${name}(${params.join(', ')}) {\n${body}\n}`;
  if (!codegenAvailable())
    return { fn: fallback(), source: `// interpreted fallback (no code generation here) for:\n${source}`, generated: false };
  const fn = factoryArgs ? (new Function(...params, body) as (...a: unknown[]) => F)(...factoryArgs) : (new Function(...params, body) as F);
  return { fn, source, generated: true };
}
