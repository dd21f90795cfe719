class RMSprop:
    """Keras' RMSprop() (rho = 0.9, epsilon = 1e-7), in float32:
    s = rho s + (1 - rho) g^2, z -= lr_t g / sqrt(s + epsilon)."""

    def __init__(self, n):
        self.s, self.t = np.zeros(n, f32), 0
        self.rho, self.one_minus_rho, self.eps = f32(0.9), f32(1 - 0.9), f32(1e-7)

    def step(self, z, g):
        self.t += 1
        self.s = flush(self.rho * self.s + self.one_minus_rho * (g * g))
        return z - (learning_rate_at(self.t) * g) / np.sqrt(self.s + self.eps)
