/** Colours of the analysis plots, explicit (no CSS variables) so exported SVG and PNG keep them. */
import type { Theme } from '../state/view-store';

export interface PlotTheme {
  readonly background: string;
  readonly text: string;
  readonly muted: string;
  readonly grid: string;
  /** selected events (dots, histogram lines) */
  readonly data: string;
  /** the event shown in the display */
  readonly current: string;
  readonly sr: string;
  readonly cr: string;
  /** masked (blind) regions */
  readonly mask: string;
  /** colour scheme of a background density */
  readonly density: string;
  /** the brushed subset drawn over a histogram */
  readonly brushed: string;
}

export const PLOT_THEMES: Record<Theme, PlotTheme> = {
  dark: { background: '#0f1419', text: '#dfe6ee', muted: '#8a97a6', grid: '#2a3441', data: '#4fa3ff', current: '#ffb020', sr: '#ff6b6b', cr: '#c0a0ff', mask: '#56606c', density: 'viridis', brushed: '#3ddc84' },
  light: { background: '#ffffff', text: '#1b2430', muted: '#5d6b7a', grid: '#d3d9e1', data: '#1f4fd1', current: '#e07000', sr: '#c62828', cr: '#7b4fc9', mask: '#b8bfc8', density: 'blues', brushed: '#138a3a' },
};
