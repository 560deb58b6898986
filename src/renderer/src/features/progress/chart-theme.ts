/**
 * Chart colours are the theme's CSS variables (styles.css, progress.css): SVG paints them in the
 * light or the dark theme, whichever is on, without the charts knowing which.
 */
export const CHART = {
  bar: 'var(--chart-bar)',
  goal: 'var(--chart-goal)',
  grid: 'var(--border)',
  axis: 'var(--border)',
  text: 'var(--text-muted)',
  cursor: 'var(--surface-muted)',
} as const;
