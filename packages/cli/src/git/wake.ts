/** One waiting consumer of a producer that pushes (stream events, thread messages): woken when there is more, or an end. */
export class Wake {
  private waiting: (() => void) | undefined;

  /** Wakes the consumer, if it waits. */
  readonly notify = (): void => {
    const w = this.waiting;
    this.waiting = undefined;
    w?.();
  };

  /** Resolves at the next `notify`. */
  wait(): Promise<void> {
    return new Promise<void>((resolve) => (this.waiting = resolve));
  }
}
