/**
 * The engine's public surface for the renderer's UI thread: small, pure helpers that need neither
 * Arrow nor zod nor the reconstruction. Everything else the renderer gets through the typed API
 * (src-shared/api). Lint (eslint.config.js) keeps the renderer to this module and the API.
 */
export { regionShapes, type RegionShapeInfo } from './regions';
// The detector-model file (renderer geometry/model-pack.ts) is checked with the same CRC-32 as event files.
export { crc32Update } from '../io/crc32';
