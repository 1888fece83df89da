/**
 * A small side-by-side timer: candidates run in alternating rounds within one process, so that
 * noise from these shared 2-core machines hits each of them alike. Reports the median round.
 */
export interface Candidate {
  name: string;
  /** Processes one input; must do the real work (results are consumed to defeat dead-code elimination). */
  run: (index: number) => unknown;
}

export interface Figure {
  name: string;
  opsPerSec: number;
}

/** Times each candidate over `rounds` alternating rounds of `perRound` calls and prints a table. */
export function compare(candidates: Candidate[], { rounds = 7, perRound = 20_000 } = {}): Figure[] {
  const samples = new Map<string, number[]>(candidates.map((candidate) => [candidate.name, []]));
  let sink = 0;
  for (const candidate of candidates) for (let i = 0; i < perRound; i++) sink += candidate.run(i) ? 1 : 0; // warm-up
  for (let round = 0; round < rounds; round++) {
    for (const candidate of candidates) {
      const started = process.hrtime.bigint();
      for (let i = 0; i < perRound; i++) sink += candidate.run(i) ? 1 : 0;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      samples.get(candidate.name)?.push(perRound / seconds);
    }
  }
  const figures = candidates.map((candidate) => ({
    name: candidate.name,
    opsPerSec: median(samples.get(candidate.name) ?? []),
  }));
  const base = figures[0]?.opsPerSec ?? 1;
  console.table(
    figures.map((figure) => ({
      candidate: figure.name,
      'ops/s': Math.round(figure.opsPerSec).toLocaleString('en-US'),
      'µs/op': (1e6 / figure.opsPerSec).toFixed(2),
      [`× ${figures[0]?.name}`]: (figure.opsPerSec / base).toFixed(2),
    })),
  );
  if (sink < 0) console.log(sink);
  return figures;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
