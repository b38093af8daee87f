// Progress on stderr — a bar only when stderr is a terminal (cli-progress),
// so logs and pipes get nothing but the one-line summary at the end. Stdout
// is left to results.
import cliProgress from 'cli-progress';

export class Progress {
  private readonly bar: cliProgress.SingleBar | null;
  private readonly started = performance.now();
  documents = 0;
  errors = 0;
  bytes = 0;
  readonly records = new Map<string, number>();

  /** `total` is null when unknown (stdin). */
  constructor(
    total: number | null,
    enabled: boolean,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.bar = enabled
      ? new cliProgress.SingleBar(
          {
            stream,
            format:
              total === null
                ? 'zhextract {value} docs | {errors} errors | {mbps} MB/s | {duration_formatted}'
                : 'zhextract {bar} {value}/{total} docs | {errors} errors | {mbps} MB/s | ETA {eta_formatted}',
            hideCursor: true,
            clearOnComplete: true,
            etaBuffer: 50,
          },
          cliProgress.Presets.shades_classic,
        )
      : null;
    this.bar?.start(total ?? 0, 0, this.payload());
  }

  private seconds(): number {
    return (performance.now() - this.started) / 1000;
  }

  private payload() {
    return { errors: this.errors, mbps: (this.bytes / 1e6 / Math.max(this.seconds(), 1e-3)).toFixed(2) };
  }

  /** One document finished: `counts` are its records per kind, null when it failed. */
  done(bytes: number, counts: Record<string, number> | null): void {
    this.bytes += bytes;
    if (counts) {
      this.documents++;
      for (const [kind, n] of Object.entries(counts)) this.records.set(kind, (this.records.get(kind) ?? 0) + n);
    } else this.errors++;
    this.bar?.update(this.documents + this.errors, this.payload());
  }

  /** A message on stderr that does not garble the bar (the bar redraws on its next tick). */
  log(line: string): void {
    this.stream.write((this.bar ? '\r\x1b[2K' : '') + line + '\n');
  }

  stop(): void {
    this.bar?.stop();
  }

  /** zhextract: 5 documents, 0 errors, 461 records (targets 450, bodies 11), 171.3 kB in 3.21 s, 0.05 MB/s */
  summary(): string {
    const s = this.seconds();
    const total = [...this.records.values()].reduce((a, b) => a + b, 0);
    const kinds = [...this.records].filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`);
    const size = this.bytes >= 1e6 ? `${(this.bytes / 1e6).toFixed(1)} MB` : `${(this.bytes / 1e3).toFixed(1)} kB`;
    return (
      `zhextract: ${this.documents} documents, ${this.errors} ${this.errors === 1 ? 'error' : 'errors'}, ` +
      `${total} records${kinds.length ? ` (${kinds.join(', ')})` : ''}, ${size} in ${s.toFixed(2)} s, ${(this.bytes / 1e6 / Math.max(s, 1e-3)).toFixed(2)} MB/s`
    );
  }
}
