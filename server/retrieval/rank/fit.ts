/**
 * Fits the reranker's linear model: a softmax over each training question's candidates (the
 * listwise loss of ListNet with one relevant article, Cao et al. 2007), minimised by Newton's
 * method. The loss is convex and the features few, so Newton converges in a handful of steps to
 * the one optimum — the same weights for the same examples on every machine, with no learning
 * rate or epoch count to tune.
 */

export interface TrainingGroup {
  /** One feature vector per candidate article. */
  x: Float64Array[];
  /** Index of the article the question was written for. */
  gold: number;
  /** How much this question counts (a plain-language sentence counts less than a member's ask). */
  weight: number;
}

export interface FitOptions {
  /** L2 penalty on the standardised weights' distance from `prior` (per unit of example weight). */
  l2: number;
  /** Weights the penalty pulls towards (standardised scale); zero when absent. */
  prior?: number[];
  maxIterations?: number;
}

export interface FitResult {
  mean: number[];
  scale: number[];
  weights: number[];
  /** Mean loss at the optimum (per unit of example weight), L2 term excluded. */
  loss: number;
  iterations: number;
}

export function fitListwise(groups: TrainingGroup[], d: number, { l2, prior, maxIterations = 50 }: FitOptions): FitResult {
  const usable = groups.filter((g) => g.x.length > 1 && g.gold >= 0 && g.gold < g.x.length);
  if (!usable.length) throw new Error('no training question has its article among two or more candidates');
  const { mean, scale } = standardise(usable, d);
  const z = usable.map((g) => g.x.map((x) => Float64Array.from(x, (v, j) => (v - mean[j]!) / scale[j]!)));
  const total = usable.reduce((s, g) => s + g.weight, 0);
  const w0 = Float64Array.from({ length: d }, (_, j) => prior?.[j] ?? 0);

  const evaluate = (w: Float64Array, withHessian: boolean) => {
    let loss = 0;
    const grad = new Float64Array(d);
    const hess = withHessian ? Array.from({ length: d }, () => new Float64Array(d)) : null;
    usable.forEach((g, gi) => {
      const xs = z[gi]!;
      const s = xs.map((x) => dot(w, x));
      const max = Math.max(...s);
      const e = s.map((v) => Math.exp(v - max));
      const sum = e.reduce((a, b) => a + b, 0);
      const c = g.weight / total;
      loss += c * (Math.log(sum) + max - s[g.gold]!);
      const p = e.map((v) => v / sum);
      // ∇ = Σ p·x − x_gold; ∇² = Σ p·x·xᵀ − (Σ p·x)(Σ p·x)ᵀ.
      const px = new Float64Array(d);
      xs.forEach((x, i) => {
        for (let j = 0; j < d; j++) px[j] = px[j]! + p[i]! * x[j]!;
      });
      for (let j = 0; j < d; j++) grad[j] = grad[j]! + c * (px[j]! - xs[g.gold]![j]!);
      if (hess) {
        xs.forEach((x, i) => {
          const pi = c * p[i]!;
          if (pi < 1e-12) return;
          for (let a = 0; a < d; a++) for (let b = 0; b <= a; b++) hess[a]![b] = hess[a]![b]! + pi * x[a]! * x[b]!;
        });
        for (let a = 0; a < d; a++) for (let b = 0; b <= a; b++) hess[a]![b] = hess[a]![b]! - c * px[a]! * px[b]!;
      }
    });
    const away = Float64Array.from(w, (v, j) => v - w0[j]!);
    const penalty = 0.5 * l2 * dot(away, away);
    for (let j = 0; j < d; j++) grad[j] = grad[j]! + l2 * away[j]!;
    if (hess)
      for (let a = 0; a < d; a++) {
        hess[a]![a] = hess[a]![a]! + l2;
        for (let b = 0; b < a; b++) hess[b]![a] = hess[a]![b]!;
      }
    return { loss, objective: loss + penalty, grad, hess };
  };

  let w = new Float64Array(d);
  let current = evaluate(w, true);
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    const step = solve(current.hess!, current.grad);
    // Backtracking keeps every step a descent even far from the optimum.
    let t = 1;
    let next = w;
    let trial = current;
    for (let tries = 0; tries < 30; tries++, t /= 2) {
      next = Float64Array.from(w, (v, j) => v - t * step[j]!);
      trial = evaluate(next, false);
      if (trial.objective <= current.objective) break;
    }
    const gain = current.objective - trial.objective;
    w = next;
    current = evaluate(w, true);
    if (gain < 1e-10) break;
  }
  return { mean, scale, weights: [...w], loss: current.loss, iterations };
}

/** Mean and standard deviation of each feature over all candidates; a constant feature gets scale 1. */
function standardise(groups: TrainingGroup[], d: number): { mean: number[]; scale: number[] } {
  const sum = new Float64Array(d);
  const sq = new Float64Array(d);
  let n = 0;
  for (const g of groups)
    for (const x of g.x) {
      n++;
      for (let j = 0; j < d; j++) {
        sum[j] = sum[j]! + x[j]!;
        sq[j] = sq[j]! + x[j]! * x[j]!;
      }
    }
  const mean = [...sum].map((s) => s / n);
  const scale = [...sq].map((s, j) => {
    const sd = Math.sqrt(Math.max(0, s / n - mean[j]! ** 2));
    return sd > 1e-9 ? sd : 1;
  });
  return { mean, scale };
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** Solves H·x = g by Gaussian elimination with partial pivoting (H is small and positive definite). */
function solve(h: Float64Array[], g: Float64Array): Float64Array {
  const d = g.length;
  const a = h.map((row, i) => [...row, g[i]!]);
  for (let col = 0; col < d; col++) {
    let pivot = col;
    for (let r = col + 1; r < d; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    const p = a[col]![col]!;
    for (let r = col + 1; r < d; r++) {
      const f = a[r]![col]! / p;
      if (f) for (let k = col; k <= d; k++) a[r]![k]! -= f * a[col]![k]!;
    }
  }
  const x = new Float64Array(d);
  for (let r = d - 1; r >= 0; r--) {
    let s = a[r]![d]!;
    for (let k = r + 1; k < d; k++) s -= a[r]![k]! * x[k]!;
    x[r] = s / a[r]![r]!;
  }
  return x;
}
