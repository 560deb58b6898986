/** A box on the screen, as `getBoundingClientRect` gives it. */
export interface Box {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** The toasts' distance from the window's edge (as in motivation.css). */
export const TOAST_EDGE = 20;

/**
 * Whether toasts of this size, in their corner at the bottom right of the window, would cover `field`
 * (any part of it).
 */
export function toastsWouldCover(field: Box, toasts: { width: number; height: number }, window: { width: number; height: number }): boolean {
  if (toasts.width === 0 || toasts.height === 0) return false;
  const corner: Box = {
    top: window.height - TOAST_EDGE - toasts.height,
    left: window.width - TOAST_EDGE - toasts.width,
    bottom: window.height - TOAST_EDGE,
    right: window.width - TOAST_EDGE,
  };
  return field.left < corner.right && corner.left < field.right && field.top < corner.bottom && corner.top < field.bottom;
}
