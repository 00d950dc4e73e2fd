// Owns the one rule every view's L1 load follows: one load at a time, and always for the newest
// wanted key (the block and the account). A view asks on every update; an ask that arrives while a
// load runs is kept, not dropped, and served when that load ends. Dropping it lost a wallet
// connected mid-load until the next L1 block, which on a quiet chain never comes (the Explorer's
// buttons stayed disabled: web/tests/explorer.test.mjs).

/** A load for one key; resolves to whether it stored its result (false: failed or no longer wanted). */
export type Load = () => Promise<boolean>;

export class Latest {
  private running = false;
  private loaded: string | null = null;
  private next: { key: string; load: Load } | null = null;

  /**
   * Asks for the data of `key`: loads now, or when the running load ends (the newest ask wins).
   * A key already loaded is not loaded again; a key whose load just failed waits for the next ask
   * (the next update), so a failing RPC is not hammered in a loop.
   */
  want(key: string, load: Load): void {
    if (key === this.loaded) return;
    this.next = { key, load };
    if (!this.running) void this.drain();
  }

  private async drain(): Promise<void> {
    this.running = true;
    let failed: string | null = null;
    try {
      while (this.next && this.next.key !== this.loaded && this.next.key !== failed) {
        const { key, load } = this.next;
        this.next = null;
        const ok = await load().catch(() => false);
        if (ok) this.loaded = key;
        else failed = key;
      }
    } finally {
      this.next = null;
      this.running = false;
    }
  }
}
