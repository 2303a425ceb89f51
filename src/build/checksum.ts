import { digestFile } from '../archive/file-io.js';

/** SHA-256 of a file, read through one reused buffer. */
export async function sha256File(path: string): Promise<string> {
  return digestFile(path, 'sha256');
}
