/**
 * Frames → a movie file: the browser's WebCodecs VideoEncoder (VP9 for WebM, H.264 for MP4) and
 * mediabunny's muxer (the maintained successor of webm-muxer and mp4-muxer), into memory. The
 * encoder is asked first (isConfigSupported): a browser that cannot encode H.264 (Chromium builds
 * without it) gets a message that says so and names WebM as the way out; nothing falls back in silence.
 */
import { BufferTarget, EncodedPacket, EncodedVideoPacketSource, Mp4OutputFormat, Output, WebMOutputFormat } from 'mediabunny';
import { bitrateFor, codecFor, isKeyFrame, type MovieFormat } from '../../../../src-shared/picture/movie-spec';

export interface MovieEncoder {
  /** the codec string in use (avc1.… or vp09.…) */
  readonly codec: string;
  /** encode frame i (the frame is closed here); resolves when the encoder can take the next */
  add(frame: VideoFrame, i: number): Promise<void>;
  /** flush and finish the file */
  finish(): Promise<Uint8Array>;
  /** drop everything (cancel) */
  cancel(): Promise<void>;
}

export interface EncoderRequest { readonly format: MovieFormat; readonly width: number; readonly height: number; readonly fps: number; readonly comment?: string }

const FORMAT_NAMES: Record<MovieFormat, string> = { webm: 'WebM (VP9)', mp4: 'MP4 (H.264)' };

/** The encoder configuration for a request, and whether this browser can encode it. */
export async function encoderConfig(r: EncoderRequest): Promise<VideoEncoderConfig> {
  if (typeof VideoEncoder === 'undefined') throw new Error('this browser has no WebCodecs VideoEncoder (it needs a recent Chromium or Electron, and a page served over https or from localhost)');
  const codec = codecFor(r.format, r.width, r.height, r.fps);
  const config: VideoEncoderConfig = {
    codec, width: r.width, height: r.height, bitrate: bitrateFor(r.width, r.height, r.fps), framerate: r.fps, latencyMode: 'quality',
    ...(r.format === 'mp4' ? { avc: { format: 'avc' as const } } : {}),
  };
  const support = await VideoEncoder.isConfigSupported(config).catch(() => ({ supported: false }));
  if (!support.supported) {
    const other = r.format === 'mp4' ? ' Choose WebM (VP9): this browser encodes it.' : '';
    throw new Error(`${FORMAT_NAMES[r.format]} cannot be encoded by this browser at ${r.width} × ${r.height}, ${r.fps} fps (VideoEncoder does not support ${codec}).${other}`);
  }
  return config;
}

export async function openEncoder(r: EncoderRequest): Promise<MovieEncoder> {
  const config = await encoderConfig(r);
  const target = new BufferTarget();
  const output = new Output({ format: r.format === 'mp4' ? new Mp4OutputFormat({ fastStart: 'in-memory' }) : new WebMOutputFormat(), target });
  const source = new EncodedVideoPacketSource(r.format === 'mp4' ? 'avc' : 'vp9');
  output.addVideoTrack(source, { frameRate: r.fps });
  if (r.comment) output.setMetadataTags({ comment: r.comment, description: r.comment });
  await output.start();
  let failure: unknown;
  // packets reach the muxer in decode order, one after the other
  let chain: Promise<void> = Promise.resolve();
  const encoder = new VideoEncoder({
    output: (chunk, meta) => { chain = chain.then(() => source.add(EncodedPacket.fromEncodedChunk(chunk), meta)).catch((e: unknown) => { failure ??= e; }); },
    error: (e) => { failure ??= e; },
  });
  encoder.configure(config);
  const check = () => { if (failure) throw failure instanceof Error ? failure : new Error(String(failure)); };
  return {
    codec: config.codec,
    async add(frame, i) {
      try {
        check();
        encoder.encode(frame, { keyFrame: isKeyFrame(i, r.fps) });
      } finally {
        frame.close();
      }
      // backpressure: a few frames in flight at most (4K frames are 33 MB each)
      while (encoder.encodeQueueSize > 3) await new Promise((res) => setTimeout(res, 2));
      check();
    },
    async finish() {
      await encoder.flush();
      await chain;
      check();
      encoder.close();
      await output.finalize();
      if (!target.buffer) throw new Error('the muxer produced no file');
      return new Uint8Array(target.buffer);
    },
    async cancel() {
      if (encoder.state !== 'closed') encoder.close();
      await output.cancel().catch(() => {});
    },
  };
}
