// picomatch ships no types; this is the one call the project makes of it.
declare module 'picomatch' {
  interface PicomatchOptions {
    /** Patterns without slashes match the basename of a path. */
    basename?: boolean;
    dot?: boolean;
  }
  function picomatch(pattern: string, options?: PicomatchOptions): (path: string) => boolean;
  export default picomatch;
}
