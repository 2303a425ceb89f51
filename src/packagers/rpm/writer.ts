import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
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
export async function writeRpm(input: RpmWriteInput, outPath: string): Promise<void> {
  const finishHeader = planMainHeader(input);
  const payloadPath = `${outPath}.payload`;
  try {
    const payload = await writePayload(input.files, input.compression, { level: input.level, threads: input.threads }, payloadPath);
    const header = finishHeader(payload);
    const signature = await signatureHeader(header, payload.size, payload.archiveSize, input.signer);
    const out = createWriteStream(outPath);
    try {
      const nvr = `${input.name}-${input.version}-${input.release}`;
      for (const part of [lead(nvr, input.arch), signature, header]) out.write(part);
      for await (const chunk of createReadStream(payloadPath, { highWaterMark: 1 << 20 })) {
        if (!out.write(chunk as Buffer)) await once(out, 'drain');
      }
    } catch (e) {
      out.destroy();
      throw e;
    }
    out.end();
    await finished(out);
  } finally {
    await rm(payloadPath, { force: true });
  }
}
