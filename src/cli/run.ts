import { reportError } from './output.ts';

/**
 * Wraps a command action: any thrown error becomes the one-line stderr message and exit code
 * that ../shared/CLI.md promises. A command that returns a number sets that exit code
 * (1 = some of several inputs failed).
 */
export function action<A extends unknown[]>(fn: (...args: A) => Promise<number | void>) {
  return async (...args: A): Promise<void> => {
    try {
      const code = await fn(...args);
      if (typeof code === 'number') process.exitCode = code;
    } catch (e) {
      process.exitCode = reportError(e);
    }
  };
}
