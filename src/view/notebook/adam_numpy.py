class Adam:
    """Adam as Keras 3 computes it (the seed's tf.optimizers.Adam()), in float32:
    m += (g - m)(1 - beta_1), v += (g^2 - v)(1 - beta_2), z -= m alpha(t) / (sqrt(v) + epsilon)."""

    def __init__(self, n):
        self.m, self.v, self.t = np.zeros(n, f32), np.zeros(n, f32), 0
        # Keras takes 1 - beta in float64 from the Python floats, then casts to float32.
        self.b1, self.b2, self.eps = f32(1 - beta_1), f32(1 - beta_2), f32(epsilon)
        self.alpha, self.alpha_from = np.zeros(0, f32), 1

    def step(self, z, g):
        self.t += 1
        if self.t - self.alpha_from >= len(self.alpha):  # the next 65 536 step sizes at once
            self.alpha_from = self.t
            self.alpha = step_sizes(self.t, self.t + 65535)
        alpha = self.alpha[self.t - self.alpha_from]
        if decay is not None:  # the page scales alpha(t) by the decay in float64, rounded once
            alpha = f32(float(alpha) * decay_factor(self.t))
        m = self.m + (g - self.m) * self.b1
        v = self.v + (g * g - self.v) * self.b2
        # The page sets a moment below the smallest normal float32 to 0 (subnormal arithmetic is
        # slow in its loop); TensorFlow does not, which never changes a visible bit of z.
        self.m, self.v = flush(m), flush(v)
        return z - (self.m * alpha) / (np.sqrt(self.v) + self.eps)
