// Eleventy 3 ships no type declarations; this covers the programmatic API we call.
declare module '@11ty/eleventy' {
  interface EleventyOptions {
    configPath?: string;
    quietMode?: boolean;
    config?: (eleventyConfig: never) => void;
  }
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    /** Writes the site; resolves to `[passthroughCopyResults, templateResults]`. */
    write(): Promise<unknown>;
    /** Silences Eleventy's own console output (errors come back as our diagnostics instead). */
    disableLogger(): void;
    /** Renders without writing. */
    toJSON(): Promise<unknown>;
  }
}
