import { FileSink, Spool } from '../../archive/file-io.js';
import type { WrittenFile } from '../types.js';
import type { Signer } from '../../signing/types.js';
import { lead } from './lead.js';
import { planMainHeader, type MainHeaderInput } from './main-header.js';
import { writePayload } from './payload.js';
import { signatureHeader } from './signature.js';

export interface RpmWriteInput extends Omit<MainHeaderInput, 'payload'> {
  threads: number;
  signer?: Signer;
}

/**
 * Writes an rpm in one pass over the files. The file digests must be in the header, and the
 * header comes before the payload, so the payload (cpio + compression) is streamed to a side
 * file first while every digest is taken; then lead, signature header and header are written
 * and the side file is copied after them. Memory does not grow with the payload.
 */
export async function writeRpm(input: RpmWriteInput, outPath: string): Promise<WrittenFile> {
  const finishHeader = planMainHeader(input);
  const spool = new Spool(`${outPath}.payload`);
  try {
    const payload = await writePayload(input.files, input.compression, { level: input.level, threads: input.threads }, spool);
    const header = finishHeader(payload);
    const signature = await signatureHeader(header, payload.size, payload.archiveSize, input.signer);
    const out = await FileSink.create(outPath);
    try {
      const nvr = `${input.name}-${input.version}-${input.release}`;
      await out.writeAll([lead(nvr, input.arch), signature, header]);
      await out.writeAll(spool.replay());
    } catch (e) {
      await out.abandon();
      throw e;
    }
    return await out.close();
  } finally {
    await spool.dispose();
  }
}
