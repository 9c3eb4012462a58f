/** Where progress goes: a terminal (redrawn in place) or a log (a line now and then). */
export interface ProgressOutput {
  isTTY?: boolean;
  write(text: string): unknown;
}

interface Phase {
  label: string;
  done: number;
  total: number;
  started: number;
  shown: number;
}

const BAR_WIDTH = 24;
/** How often a terminal's bar is redrawn. */
const REDRAW_MS = 100;

const count = (n: number) => n.toLocaleString("en-US");

function seconds(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

/**
 * The progress of a long task in phases (the seed: images, products, variants…): on a terminal, a bar
 * redrawn in place with the phase's count and an estimate of the time left; elsewhere (CI, a log file) a
 * line every `lineEveryMs`. Each phase ends with a line saying how long it took.
 */
export class Progress {
  private phase: Phase | null = null;

  constructor(
    private readonly out: ProgressOutput,
    private readonly lineEveryMs = 5_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** `done` of `total` units of the phase `label` are done (a new label ends the phase before). */
  update(label: string, done: number, total: number): void {
    const now = this.now();
    if (this.phase?.label !== label) {
      this.end();
      this.phase = { label, done: 0, total, started: now, shown: now };
    }
    const phase = this.phase!;
    Object.assign(phase, { done, total });
    const due = now - phase.shown >= (this.out.isTTY ? REDRAW_MS : this.lineEveryMs);
    if (!due || done >= total) return; // a finished phase is told by end()
    phase.shown = now;
    if (this.out.isTTY) this.out.write(`\r${this.describe(phase, now)}\x1b[K`);
    else this.out.write(`${this.describe(phase, now)}\n`);
  }

  /** Ends the current phase with a line of what it did (a count, or "done" for a one-step phase) and its time. */
  end(): void {
    const phase = this.phase;
    if (!phase) return;
    this.phase = null;
    const what = phase.total === 1 ? "done" : count(phase.done);
    const line = `[brisk] ${phase.label}: ${what} in ${seconds(this.now() - phase.started)}`;
    this.out.write(this.out.isTTY ? `\r${line}\x1b[K\n` : `${line}\n`);
  }

  private describe(phase: Phase, now: number): string {
    const share = phase.total > 0 ? Math.min(phase.done / phase.total, 1) : 1;
    const elapsed = now - phase.started;
    const left = phase.done > 0 ? seconds((elapsed / phase.done) * (phase.total - phase.done)) : "…";
    const filled = Math.round(share * BAR_WIDTH);
    const bar = this.out.isTTY ? `[${"#".repeat(filled)}${".".repeat(BAR_WIDTH - filled)}] ` : "";
    return (
      `[brisk] ${phase.label} ${bar}${count(phase.done)}/${count(phase.total)} ` +
      `(${Math.floor(share * 100)}%), about ${left} left`
    );
  }
}
