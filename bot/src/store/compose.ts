/**
 * How an adapter is put together: one repository per module, each implementing its module's port,
 * whose members become the adapter's own. The adapter class declares the resulting type by
 * interface merging (`interface SqliteStore extends PortsOf<typeof MODULES> {}`).
 */

/** `A | B` → `A & B`. */
export type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** The intersection of the ports a list of modules' repositories implement. */
export type PortsOf<Modules extends ReadonlyArray<{ repository(...args: never[]): unknown }>> = Intersection<ReturnType<Modules[number]['repository']>>;

/** Copies the repositories' members onto the adapter. A member defined twice (by two repositories, or by one and the adapter) is a programming error. */
export function compose(target: object, repositories: readonly object[]): void {
  for (const repository of repositories) {
    for (const [name, member] of Object.entries(repository)) {
      if (name in target) throw new Error(`Store member ${name} is defined twice`);
      Object.assign(target, { [name]: member });
    }
  }
}
