/**
 * Calls an associated function of a user type by name at run time (`?`'s `From::from`).
 * The item compiler installs the lookup; built-ins never need it.
 */
import type { Site } from '../defs.ts';
import type { Value } from '../values.ts';

export type StaticCall = (typeName: string, fnName: string, site: Site, args: Value[]) => Value | undefined;
let impl: StaticCall = () => undefined;

export function setStaticCall(f: StaticCall): void {
  impl = f;
}

export function callMethodStatic(typeName: string, fnName: string, site: Site, args: Value[]): Value | undefined {
  return impl(typeName, fnName, site, args);
}
