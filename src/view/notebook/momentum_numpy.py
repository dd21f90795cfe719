class Momentum:
    """Keras' SGD(momentum=0.9, nesterov={{nesterov}}), in float32: v = m v - lr_t g, then
    z += v (heavy ball) or z += m v - lr_t g (Nesterov)."""

    def __init__(self, n):
        self.v, self.t, self.m = np.zeros(n, f32), 0, f32(0.9)

    def step(self, z, g):
        self.t += 1
        lr = learning_rate_at(self.t)
        self.v = flush(self.v * self.m - g * lr)
        return z + (self.v * self.m - g * lr) if {{nesterov}} else z + self.v
