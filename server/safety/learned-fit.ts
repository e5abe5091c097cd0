/**
 * Fits the danger backstop's logistic model (learned.ts): sparse binary features, L2-regularised
 * log loss, classes weighted to count equally, AdaGrad steps in an order shuffled by a fixed seed —
 * so the same examples always give the same weights, and the committed model can be checked
 * against its data by retraining.
 */

export interface Example {
  features: readonly string[];
  danger: boolean;
}

export interface FitOptions {
  epochs: number;
  l2: number;
  rate: number;
  /** Weights smaller than this are dropped from the result: they change no probability that matters and bloat the file. */
  prune: number;
}

export const FIT_DEFAULTS: FitOptions = { epochs: 12, l2: 1e-4, rate: 0.2, prune: 0.005 };

export function fitLogistic(examples: readonly Example[], opts: FitOptions = FIT_DEFAULTS): { bias: number; weights: Record<string, number> } {
  const positives = examples.filter((e) => e.danger).length;
  const negatives = examples.length - positives;
  if (positives === 0 || negatives === 0) throw new Error('fitLogistic needs examples of both classes');
  const classWeight = [examples.length / (2 * negatives), examples.length / (2 * positives)];
  const w = new Map<string, number>();
  const g = new Map<string, number>();
  let bias = 0;
  let biasG = 0;
  // A linear congruential generator: Math.random would make every training run differ.
  let seed = 7;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const i of order) {
      const e = examples[i]!;
      let z = bias;
      for (const f of e.features) z += w.get(f) ?? 0;
      const y = e.danger ? 1 : 0;
      const d = (1 / (1 + Math.exp(-z)) - y) * classWeight[y]!;
      for (const f of e.features) {
        const wi = w.get(f) ?? 0;
        const gi = d + opts.l2 * wi;
        const sum = (g.get(f) ?? 0) + gi * gi;
        g.set(f, sum);
        w.set(f, wi - (opts.rate * gi) / Math.sqrt(sum + 1e-8));
      }
      biasG += d * d;
      bias -= (opts.rate * d) / Math.sqrt(biasG + 1e-8);
    }
  }
  const weights: Record<string, number> = {};
  for (const [f, v] of [...w].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (Math.abs(v) >= opts.prune) weights[f] = Math.round(v * 1e4) / 1e4;
  }
  return { bias: Math.round(bias * 1e4) / 1e4, weights };
}
