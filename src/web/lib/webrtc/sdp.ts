/**
 * A start bitrate for video in a session description. It acts on the sender that receives the
 * description as its *remote* one, so each side adds it to what it sends: the offer sets up the
 * answerer's video, the answer the offerer's. Chromium otherwise starts at 320x180 and needs
 * 16-24 s to reach 720p on a link that could carry it at once (MACHINE-NOTES).
 */
export function withStartBitrate(sdp: string, kbps = { start: 2500, min: 1000, max: 4000 }): string {
  const params = `x-google-start-bitrate=${kbps.start};x-google-min-bitrate=${kbps.min};x-google-max-bitrate=${kbps.max}`;
  const lines = sdp.split('\r\n');
  // The payload types of the video section's codecs (not their retransmission or FEC helpers).
  const videoCodecs = new Set<string>();
  let inVideo = false;
  for (const line of lines) {
    if (line.startsWith('m=')) inVideo = line.startsWith('m=video');
    const rtpmap = inVideo && /^a=rtpmap:(\d+) (VP8|VP9|H264|AV1|H265)\//i.exec(line);
    if (rtpmap) videoCodecs.add(rtpmap[1]!);
  }
  const fmtpSeen = new Set<string>();
  const out: string[] = [];
  for (const line of lines) {
    const fmtp = /^a=fmtp:(\d+) (.*)$/.exec(line);
    if (fmtp && videoCodecs.has(fmtp[1]!)) {
      fmtpSeen.add(fmtp[1]!);
      out.push(fmtp[2]!.includes('x-google-start-bitrate') ? line : `${line};${params}`);
      continue;
    }
    out.push(line);
    // A codec without an fmtp line (VP8) gets one right after its rtpmap.
    const rtpmap = /^a=rtpmap:(\d+) /.exec(line);
    if (rtpmap && videoCodecs.has(rtpmap[1]!) && !lines.some((l) => l.startsWith(`a=fmtp:${rtpmap[1]} `))) out.push(`a=fmtp:${rtpmap[1]} ${params}`);
  }
  return out.join('\r\n');
}
