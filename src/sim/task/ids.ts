/**
 * Id counters (tokio-facts.md §3.5): task ids and owned-list ids are process-wide counters from 1.
 * The simulation owns one allocator per world, so the same program gives the same ids every run.
 */
export class IdAllocator {
  private next = 1;

  allocate(): number {
    return this.next++;
  }

  /** The id the next `allocate()` returns. */
  peek(): number {
    return this.next;
  }
}
