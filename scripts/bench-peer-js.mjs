// The plain-JavaScript peer of `make bench` (issue 17): the seed run as a hand-written JS teaching
// page would compute it — Float32Array state, Math.fround on every operation (so every value is
// truly float32), Keras-default Adam in Keras' update order, one straightforward loop (no SIMD, no
// tables). scripts/bench-browser.mjs evaluates `jsAdamPeer` in a blank page of the same headless
// Chromium that runs reglab, so the function must stay self-contained (it is sent as its source).
//
// The arithmetic is that of src/core/optim/adam.rs and src/view/notebook/adam_numpy.py:
//   g = sign(z − z0) + μ((z − 1)·2)
//   m ← m + (g − m)(1 − β1),  v ← v + (g² − v)(1 − β2)
//   α = lr·√(1 − β2ᵗ)/(1 − β1ᵗ)  (βᵗ = pow(f32 β, f32 t), here Math.pow rounded to float32)
//   z ← z − (m·α)/(√v + ε)
// with 1 − β1 and 1 − β2 taken in float64 and rounded once, as Keras does. Unlike reglab it does
// not flush subnormal moments and computes α with two Math.pow per epoch, as such a page would.

/**
 * Runs the seed problem `warmups` times untimed, then `reps` times, each timed with
 * performance.now() around the epochs alone. Returns every timed run's ms and the final z.
 */
export function jsAdamPeer({ n, epochs, mu, warmups, reps }) {
  const f = Math.fround;
  const lr = f(0.001);
  const beta1 = f(0.9);
  const beta2 = f(0.999);
  const eps = f(1e-7);
  const b1 = f(1 - 0.9);
  const b2 = f(1 - 0.999);
  const muF = f(mu);
  // z0 = linspace(−10, 10, n): computed in float64, stored as float32 (numpy's linspace, cast).
  const z0 = new Float32Array(n);
  for (let i = 0; i < n; i += 1) z0[i] = -10 + i * (20 / (n - 1));
  z0[n - 1] = 10;

  function run() {
    const z = new Float32Array(n);
    const m = new Float32Array(n);
    const v = new Float32Array(n);
    for (let t = 1; t <= epochs; t += 1) {
      const step = f(t);
      const a = f(1 - f(Math.pow(beta1, step)));
      const b = f(1 - f(Math.pow(beta2, step)));
      const alpha = f(f(lr * f(Math.sqrt(b))) / a);
      for (let i = 0; i < n; i += 1) {
        const zi = z[i];
        const g = f(Math.sign(f(zi - z0[i])) + f(muF * f(f(zi - 1) * 2)));
        const mi = f(m[i] + f(f(g - m[i]) * b1));
        const vi = f(v[i] + f(f(f(g * g) - v[i]) * b2));
        m[i] = mi;
        v[i] = vi;
        z[i] = f(zi - f(f(mi * alpha) / f(f(Math.sqrt(vi)) + eps)));
      }
    }
    return z;
  }

  for (let k = 0; k < warmups; k += 1) run();
  const ms = [];
  let z;
  for (let k = 0; k < reps; k += 1) {
    const t0 = performance.now();
    z = run();
    ms.push(performance.now() - t0);
  }
  return { ms, z: Array.from(z) };
}

/** Max |a − b| and how many coordinates are equal to the bit (as float32), or null when the two
 * z cannot be compared. */
export function zDiff(a, b) {
  if (!a || !b || a.length !== b.length) return null;
  let max = 0;
  let equal = 0;
  for (let i = 0; i < a.length; i += 1) {
    max = Math.max(max, Math.abs(a[i] - b[i]));
    if (Math.fround(a[i]) === Math.fround(b[i])) equal += 1;
  }
  return { max, equal, n: a.length };
}
