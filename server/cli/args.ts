// A tiny flag parser for the CLIs: --name value pairs and positional arguments, with clear errors.
import { parseArgs } from 'node:util';
import { printError } from './terminal.js';

export interface ParsedArgs {
  flags: Record<string, string | boolean | undefined>;
  positionals: string[];
}

export function parseCli(argv: string[], options: Record<string, { type: 'string' | 'boolean' }>, usage: string): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { flags: values as ParsedArgs['flags'], positionals };
  } catch (err) {
    fail(`${(err as Error).message}\n${usage}`);
  }
}

export function fail(message: string, code = 1): never {
  printError(message);
  process.exit(code);
}
