/**
 * The animated views (src/ui/views/<name>/View.tsx), found by glob and wrapped in React.lazy at
 * module load: d3 and each view's code stay out of the first download, and a view that does not
 * exist yet is simply absent instead of breaking the build.
 */
import { lazy } from 'react';
import type { ComponentType, LazyExoticComponent } from 'react';
import type { ViewInput } from '../views/shared/view-input.ts';

export interface SlotViewProps {
  readonly input: ViewInput;
  readonly onSelectTask?: (task: number) => void;
}

type ViewModule = Record<string, unknown>;
export type LazyView = LazyExoticComponent<ComponentType<SlotViewProps>>;

/** The component a view module exports: its first export named `…View`. */
export function componentOf(mod: ViewModule): ComponentType<SlotViewProps> {
  const found = Object.entries(mod).find(([name, v]) => name.endsWith('View') && typeof v === 'function');
  if (found === undefined) throw new Error('a view module must export a component named …View');
  return found[1] as ComponentType<SlotViewProps>;
}

const loaders = import.meta.glob<ViewModule>('../views/*/View.tsx');

export const VIEWS: ReadonlyMap<string, LazyView> = new Map(
  Object.entries(loaders).map(([path, load]) => [
    path.split('/')[2],
    lazy(async () => ({ default: componentOf(await load()) })),
  ]),
);
