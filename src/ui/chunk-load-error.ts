/** A page's code could not be downloaded: the connection failed, or a newer version of the
 * app replaced the files this version asks for. Loading the page anew mends both. */
export class ChunkLoadError extends Error {
  override readonly name = 'ChunkLoadError';
}

export function isChunkLoadError(error: unknown): error is ChunkLoadError {
  return error instanceof ChunkLoadError;
}

/** Imports a route's code (or a part of a page loaded on first use), turning a failed download
 * into a ChunkLoadError, which the error page offers to mend by loading the page anew: the
 * router and React.lazy keep a failed import for good, so asking it again would not help. */
export async function loadRouteModule<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (cause) {
    throw new ChunkLoadError('The code of this page could not be loaded.', { cause });
  }
}
