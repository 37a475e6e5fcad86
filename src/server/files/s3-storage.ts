import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { Config } from '../config.js';
import { checkedName, newName, type FileStore } from './storage.js';

/**
 * Uploads in an S3-compatible bucket (AWS S3, MinIO, Garage, Ceph, R2 …), under
 * `<S3_PREFIX>/<area>/<name>`. An upload is spooled to disk first, so its length is known and
 * it goes up in one streamed PUT; downloads stream straight from the bucket.
 */
export function s3Store(s3: NonNullable<Config['s3']>, spoolDir: string): FileStore {
  const client = new S3Client({
    region: s3.region,
    ...(s3.endpoint ? { endpoint: s3.endpoint } : {}),
    forcePathStyle: s3.forcePathStyle,
    ...(s3.credentials ? { credentials: s3.credentials } : {}),
    // Checksums only where S3 requires them: the SDK's default (aws-chunked bodies with trailing
    // checksums) is not understood by every S3-compatible server.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const key = (area: string, name: string) => [s3.prefix, area, checkedName(name)].filter(Boolean).join('/');
  return {
    kind: 's3',
    spoolDir,
    async put(area, file) {
      const name = newName(file.type);
      try {
        await client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: key(area, name), Body: createReadStream(file.path), ContentLength: file.size, ContentType: file.type }));
      } finally {
        await file.discard();
      }
      return name;
    },
    async open(area, name) {
      const object = await client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: key(area, name) }));
      return object.Body as Readable;
    },
    async remove(area, name) {
      await client.send(new DeleteObjectCommand({ Bucket: s3.bucket, Key: key(area, name) }));
    },
    // Backups of a bucket are the bucket's business (versioning, replication): nothing to hold.
    holdRemovals: () => async () => {},
  };
}
