/**
 * The React side of a view controller: create it on mount, feed it every new input (before the
 * browser paints, so a step and its picture land in one frame), destroy it on unmount.
 */
import { useLayoutEffect, useRef } from 'react';
import type { RefObject } from 'react';
import type { ControllerFactory, ControllerOptions, ViewController, ViewInput } from './view-input.ts';

export function useController(
  factory: ControllerFactory,
  input: ViewInput,
  options: ControllerOptions,
): RefObject<HTMLDivElement | null> {
  const el = useRef<HTMLDivElement | null>(null);
  const controller = useRef<ViewController | null>(null);
  const prev = useRef<ViewInput | undefined>(undefined);
  const latest = useRef(options);

  useLayoutEffect(() => {
    latest.current = options;
  });

  useLayoutEffect(() => {
    const host = el.current;
    if (host === null) return undefined;
    // The controller lives longer than one render's options: read the newest on every call.
    const c = factory(host, { onSelectTask: (task) => latest.current.onSelectTask?.(task) });
    controller.current = c;
    return () => {
      c.destroy();
      controller.current = null;
      prev.current = undefined;
    };
  }, [factory]);

  useLayoutEffect(() => {
    controller.current?.update(input, prev.current);
    prev.current = input;
  }, [input]);

  return el;
}
