class Adagrad:
    """Keras' Adagrad() (initial accumulator 0.1, epsilon = 1e-7), in float32:
    a += g^2, z -= lr_t g / sqrt(a + epsilon)."""

    def __init__(self, n):
        self.a, self.t, self.eps = np.full(n, f32(0.1)), 0, f32(1e-7)

    def step(self, z, g):
        self.t += 1
        self.a = self.a + g * g
        return z - (learning_rate_at(self.t) * g) / np.sqrt(self.a + self.eps)
