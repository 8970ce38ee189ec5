import { useRef, type RefObject } from 'react';
import { useLandmark, type AriaLandmarkRole } from 'react-aria';

/**
 * Makes an element one of the page's landmarks that F6 and Shift+F6 move between (react-aria's
 * landmark manager: in document order, wrapping; the notifications region is one too). F6 puts
 * the focus back where it last was in that landmark, or on the landmark itself.
 * Spread the result on the element: `<nav {...useLandmarkProps('navigation', label)}>`.
 */
export function useLandmarkProps<T extends HTMLElement = HTMLElement>(
  role: AriaLandmarkRole,
  label?: string,
  ref?: RefObject<T | null>,
): { ref: RefObject<T | null> } & ReturnType<typeof useLandmark>['landmarkProps'] {
  const own = useRef<T>(null);
  const target = ref ?? own;
  const { landmarkProps } = useLandmark({ role, 'aria-label': label }, target);
  return { ...landmarkProps, ref: target };
}
