/**
 * A history scan's memory of blobs the engine found nothing in. A history brings the same file
 * content back again and again (reverts, cherry-picks, the same branch rebased, release bundles
 * rebuilt to the same bytes): on axios/axios such repeats were 217 MB of the 393 MB a scan read.
 * A blob whose scan had no hit at all (no finding, no silenced finding, nothing in its path)
 * gives nothing whichever of its lines are new, so when the same blob comes back at the same
 * path it is counted without being read (or, if it was already requested, scanned) again. Only clean results are remembered:
 * a blob with any hit is always scanned again, so every finding, directive and sighting is
 * computed exactly as before.
 */

/** Blobs remembered (about 100 bytes each); past this, new ones are simply scanned. */
export const MAX_CLEAN_BLOBS = 200_000;

export class CleanBlobs {
  /** `<oid> <path key>` → size in bytes. */
  private readonly sizes = new Map<string, number>();
  /** Blobs counted from memory instead of read, read (requested earlier) but not scanned again, and their bytes: for the debug channel and tests. */
  readonly skipped = { read: 0, scan: 0, bytes: 0 };

  /**
   * The size of this blob at this path if it was scanned clean before. Asked when the blob would
   * be requested (then it is not read) and, for a blob requested before its twin was scanned
   * (history requests run ahead of the scan), when it arrives (then it is not scanned).
   */
  sizeIfClean(oid: string, pathKey: string, when: 'read' | 'scan'): number | undefined {
    const size = this.sizes.get(`${oid} ${pathKey}`);
    if (size !== undefined) {
      this.skipped[when]++;
      this.skipped.bytes += size;
    }
    return size;
  }

  remember(oid: string, pathKey: string, size: number): void {
    if (this.sizes.size < MAX_CLEAN_BLOBS) this.sizes.set(`${oid} ${pathKey}`, size);
  }
}
