// Shared by the two import scripts: read the named file and say which file a problem is in.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError, badRequest } from '../errors.js';
import { WorkforceFileError } from './errors.js';

export async function readImportFile(
  path: string | undefined,
  extra: string[],
): Promise<{ name: string; text: string }> {
  if (!path || extra.length > 0) throw badRequest('Give exactly one CSV file.');
  try {
    return { name: basename(path), text: await readFile(path, 'utf8') };
  } catch (err) {
    throw badRequest(`Cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}.`);
  }
}

export async function namingFile<T>(name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof WorkforceFileError) {
      throw new AppError(err.status, err.code, `${name}, ${err.message}. Nothing was imported.`, err.details);
    }
    throw err;
  }
}
