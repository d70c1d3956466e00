/**
 * Ties a failure while rendering one article to that article's file, so the
 * build reports the file to fix (`content/x.md`) rather than the site
 * folder. The error keeps the cause's message, so it is not said twice.
 */

/** Runs `render` for the article read from `sourceFile`; an error escaping it carries `articleFile`. */
export function renderNamingFile<T>(sourceFile: string, render: () => T): T {
  try {
    return render();
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    throw Object.assign(new Error(message, { cause }), { articleFile: sourceFile });
  }
}

/** The article file carried by `error` or one of its causes, if any. */
export function articleFileOf(error: unknown): string | null {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    const file = (current as Error & { articleFile?: unknown }).articleFile;
    if (typeof file === 'string') return file;
  }
  return null;
}
