class SGD:
    """Plain (sub)gradient descent, Keras' SGD(): z -= lr_t g, in float32."""

    def __init__(self, n):
        self.t = 0

    def step(self, z, g):
        self.t += 1
        return z - learning_rate_at(self.t) * g
