// Where image bytes live: DATA_DIR/images/<image id>.<disk format>.
import { join } from 'node:path';
import type { Image } from './types.js';

export function imageFilePath(dataDir: string, image: Pick<Image, 'id' | 'diskFormat'>): string {
  return join(dataDir, 'images', `${image.id}.${image.diskFormat}`);
}
