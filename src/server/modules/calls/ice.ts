import { createHmac } from 'node:crypto';
import type { IceConfig } from '../../../contracts/video.js';
import type { Config } from '../../config.js';

/**
 * STUN and TURN servers for one person until `expiresAt`. TURN credentials follow coturn's REST
 * API scheme (`use-auth-secret`): username `<expiry>:<user>`, password base64(HMAC-SHA1(secret,
 * username)), so coturn checks them without a database and they stop working on their own.
 */
export function iceConfigFor(config: Config, userId: string, expiresAt: Date): IceConfig {
  const { stunUrls, turnUrls, turnSecret, relayOnly } = config.video;
  const iceServers: IceConfig['iceServers'] = [];
  if (stunUrls.length) iceServers.push({ urls: stunUrls });
  if (turnUrls.length && turnSecret) {
    const username = `${Math.floor(expiresAt.getTime() / 1000)}:${userId}`;
    const credential = createHmac('sha1', turnSecret).update(username).digest('base64');
    iceServers.push({ urls: turnUrls, username, credential });
  }
  return { iceServers, iceTransportPolicy: relayOnly ? 'relay' : 'all' };
}
