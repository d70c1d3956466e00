// citation-js ships no type declarations: the small part this project calls.
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    format(format: string, options?: Record<string, unknown>): string;
  }
  export const plugins: {
    config: { get(name: string): { styles: { add(name: string, style: string): void; has(name: string): boolean } } };
  };
}
declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/name' {
  export function parse(name: string): { family?: string; given?: string } | undefined;
}
/** The browser bundle's CSL styles, made by the build (src/cite/citation-script.ts). */
declare module 'quote-archive:csl-styles' {
  const styles: Record<string, string>;
  export default styles;
}
