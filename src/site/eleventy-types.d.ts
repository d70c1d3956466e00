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
    /** Renders without writing. */
    toJSON(): Promise<unknown>;
  }
}
