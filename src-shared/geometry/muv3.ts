/**
 * MUV3 tile plane: 140 large tiles of 220 × 220 mm on a 12 × 12 grid minus the central 440 × 440 mm,
 * plus 8 small tiles of 440/3 mm around the beam hole; 148 tiles, IDs 0–151 with 65, 66, 77, 78 empty.
 * The two x halves are shifted by ±0.4 mm (0.8 mm vertical gap at x = 0).
 * Numbers: na62-geometry.md §20 ([MC-MUV3] MUV3Detector.cc).
 */

/** Large tile side, mm [MC-MUV3] */
export const MUV3_LARGE_TILE = 220;
/** Grid size (tiles per row and column) [MC-MUV3] */
export const MUV3_GRID = 12;
/** Small tile side = 440/3 mm [MC-MUV3] */
export const MUV3_SMALL_TILE = 440 / 3;
/** Vertical gap at x = 0, mm [MC-MUV3] */
export const MUV3_GAP_X = 0.8;
/** Active scintillator inner radius (beam hole), mm [MC-MUV3], [GA] */
export const MUV3_HOLE_R = 103;
/** Scintillator z range, mm [MC-MUV3], [GA] fZMUV3 = 246800 */
export const MUV3_Z0 = 246800;
export const MUV3_Z1 = 246850;

export interface Muv3Tile {
  readonly id: number;
  /** rectangles making up the tile (a small tile on x = 0 is split in two by the gap) */
  readonly rects: readonly { readonly x0: number; readonly x1: number; readonly y0: number; readonly y1: number }[];
}

const shift = (x: number, side: number): number => x + side * MUV3_GAP_X / 2;

/** All 148 tiles. IDs of large tiles: row × 12 + column, rows from bottom, columns from −x (Salève) [MC-MUV3]. */
export function muv3Tiles(): Muv3Tile[] {
  const tiles: Muv3Tile[] = [];
  const h = (MUV3_GRID * MUV3_LARGE_TILE) / 2; // 1320 mm
  for (let row = 0; row < MUV3_GRID; row++) {
    for (let col = 0; col < MUV3_GRID; col++) {
      if ((row === 5 || row === 6) && (col === 5 || col === 6)) continue; // central 440 × 440 mm: small tiles
      const side = col < MUV3_GRID / 2 ? -1 : 1;
      const x0 = -h + col * MUV3_LARGE_TILE, y0 = -h + row * MUV3_LARGE_TILE;
      tiles.push({ id: row * MUV3_GRID + col, rects: [{ x0: shift(x0, side), x1: shift(x0 + MUV3_LARGE_TILE, side), y0, y1: y0 + MUV3_LARGE_TILE }] });
    }
  }
  // Small tiles: 3 × 3 around the beam hole, the centre cell is the hole itself.
  // The order of IDs 144–151 (row-major from the bottom-left, skipping the centre) is an [E].
  let id = 144;
  const s = MUV3_SMALL_TILE;
  for (let r = 0; r < 3; r++) {
    for (let c = 0; c < 3; c++) {
      if (r === 1 && c === 1) continue;
      const x0 = -1.5 * s + c * s, y0 = -1.5 * s + r * s;
      const y1 = y0 + s;
      const rects = c === 1
        ? [{ x0: shift(x0, -1), x1: shift(0, -1), y0, y1 }, { x0: shift(0, 1), x1: shift(x0 + s, 1), y0, y1 }]
        : [{ x0: shift(x0, c === 0 ? -1 : 1), x1: shift(x0 + s, c === 0 ? -1 : 1), y0, y1 }];
      tiles.push({ id: id++, rects });
    }
  }
  return tiles;
}

/** The tile containing a transverse point, or undefined (beam hole, gap, outside). */
export function muv3TileAt(x: number, y: number, tiles: readonly Muv3Tile[] = muv3Tiles()): number | undefined {
  if (Math.hypot(x, y) < MUV3_HOLE_R) return undefined;
  for (const t of tiles) {
    for (const r of t.rects) if (x >= r.x0 && x < r.x1 && y >= r.y0 && y < r.y1) return t.id;
  }
  return undefined;
}
