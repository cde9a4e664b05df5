/** Svelte 5 with TypeScript in components; the compiler strips types itself. */
export default {
  compilerOptions: { runes: true },
};
