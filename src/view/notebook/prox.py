class Prox:
    """Proximal gradient (ISTA), written by hand: TensorFlow has no proximal optimizer.
    A gradient step on mu ||z - c||^2 with eta = 1/(4 mu) (so y = (z + c)/2), then the exact
    proximal map of the fit term: soft-thresholding towards z0 for L1 (threshold eta w), the
    variant's own 1-D optimum otherwise. Computed in float64 from the float32 z, rounded once.
    At mu = 0 the step is eta = lr. Learning-rate decay does not apply."""

    hand_written = True  # TensorFlow has no proximal optimizer
    depends_on_z_alone = True  # no state: once z is a fixed point, it stays one

    def __init__(self, n, mu):
        self.mu, self.t = mu, 0
        self.eta, self.shrink = (1.0 / (4.0 * mu), 0.5) if mu > 0 else (learning_rate, 0.0)

    def step(self, z, g):
        self.t += 1
        a, wi = z0.astype(np.float64), weights().astype(np.float64)
        y = z.astype(np.float64) - self.shrink * (z.astype(np.float64) - c)
        if FIT == 'l1':
            d = y - a
            return (a + np.sign(d) * np.maximum(np.abs(d) - self.eta * wi, 0.0)).astype(f32)
        m = 1.0 / (2.0 * self.eta)
        return np.array([optimum(FIT, x, v, m, yi) if math.isfinite(yi) else yi
                         for x, v, yi in zip(a, wi, y)], dtype=f32)
