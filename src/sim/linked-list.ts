/**
 * Tokio's intrusive doubly linked list (`util/linked_list.rs`) as its users keep it: push at the
 * head, take the oldest from the tail. The nodes are the entries themselves (waiting futures,
 * timer entries), so one that is dropped unlinks itself in O(1).
 */
export interface ListNode<N> {
  prev: N | null;
  next: N | null;
}

export class LinkedList<N extends ListNode<N>> {
  head: N | null = null;
  tail: N | null = null;

  isEmpty(): boolean {
    return this.head === null;
  }

  /** Number of nodes (walks the list: for the UI and tests). */
  count(): number {
    let n = 0;
    for (let w = this.head; w !== null; w = w.next) n++;
    return n;
  }

  pushFront(n: N): void {
    n.prev = null;
    n.next = this.head;
    if (this.head !== null) this.head.prev = n;
    else this.tail = n;
    this.head = n;
  }

  /** Removes `n`; a node that is not in the list is left alone. */
  unlink(n: N): void {
    if (n.prev !== null) n.prev.next = n.next;
    else if (this.head === n) this.head = n.next;
    else return;
    if (n.next !== null) n.next.prev = n.prev;
    else this.tail = n.prev;
    n.prev = n.next = null;
  }

  popBack(): N | null {
    const n = this.tail;
    if (n !== null) this.unlink(n);
    return n;
  }

  popFront(): N | null {
    const n = this.head;
    if (n !== null) this.unlink(n);
    return n;
  }
}
