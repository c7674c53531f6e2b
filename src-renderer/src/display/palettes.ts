/**
 * The colours of the event's collections, per palette and theme. Every pair of collections that can
 * appear in one legend is at least MIN_DELTA_E apart (CIEDE2000) in each theme, checked by
 * test/unit/palettes.test.ts; the colour-blind palette keeps every pair apart under simulated
 * deuteranopia, protanopia and tritanopia too (Machado et al. 2009, as culori simulates them).
 * The standard palettes keep the app's meanings (positive red, negative blue, vertex white, MUV3
 * green…); the colour-blind ones were searched for distinctness, starting from Okabe–Ito, with the
 * charges fixed to Okabe–Ito's orange/vermillion and sky/dark blue.
 */
export const COLOUR_KEYS = ['positive', 'negative', 'kaon', 'lkr', 'muv3', 'newchod', 'chod', 'lav', 'anti0', 'straw', 'truth', 'vertex', 'tax', 'beam', 'cda'] as const;
export type ColourKey = (typeof COLOUR_KEYS)[number];
export type PaletteTheme = 'dark' | 'light';
export type Palette = Readonly<Record<ColourKey, string>>;

export const PALETTE_IDS = ['standard', 'colour-blind'] as const;
export type PaletteId = (typeof PALETTE_IDS)[number];
export const PALETTE_LABELS: Record<PaletteId, string> = { standard: 'standard', 'colour-blind': 'colour-blind safe' };

/** The smallest CIEDE2000 distance between two collections' colours, in every palette and theme. */
export const MIN_DELTA_E = 12;
/** …and between a collection's colour and the background (thin lines must stand out). */
export const MIN_DELTA_E_BACKGROUND = 20;

export const PALETTES: Readonly<Record<PaletteId, Readonly<Record<PaletteTheme, Palette>>>> = {
  standard: {
    dark: {
      positive: '#ff5a4f', negative: '#4fa3ff', kaon: '#d0c0ff', lkr: '#ffd166', muv3: '#3ddc84', newchod: '#5ee0e0', chod: '#c6f25a',
      lav: '#e07bff', anti0: '#ff9f43', straw: '#b9b89b', truth: '#eab7b4', vertex: '#ffffff', tax: '#ff3e91', beam: '#9aa5b1', cda: '#ffffff',
    },
    light: {
      positive: '#e0362c', negative: '#1f6fd1', kaon: '#3f2a8c', lkr: '#c98a00', muv3: '#1f9d55', newchod: '#138a8a', chod: '#5d8a00',
      lav: '#b040d8', anti0: '#e07000', straw: '#8d8d70', truth: '#a3a3a3', vertex: '#111820', tax: '#ff5fa8', beam: '#6b7785', cda: '#111820',
    },
  },
  'colour-blind': {
    dark: {
      positive: '#e69f00', negative: '#56b4e9', kaon: '#7a7500', lkr: '#c5c5c5', muv3: '#f9d6ff', newchod: '#ae908b', chod: '#289f52',
      lav: '#ffc8a0', anti0: '#ef41b2', straw: '#9a95ab', truth: '#d70038', vertex: '#ffffff', tax: '#c8fc00', beam: '#ab597c', cda: '#ffffff',
    },
    light: {
      positive: '#d55e00', negative: '#0072b2', kaon: '#4900a9', lkr: '#7b8ed2', muv3: '#ffa287', newchod: '#7d7065', chod: '#00263f',
      lav: '#677080', anti0: '#959595', straw: '#2c2100', truth: '#bac500', vertex: '#111111', tax: '#5b4300', beam: '#474845', cda: '#111111',
    },
  },
};

/** The colour of a collection in a palette and theme. */
export const paletteColour = (k: ColourKey, light = false, palette: PaletteId = 'standard'): string => PALETTES[palette][light ? 'light' : 'dark'][k];
