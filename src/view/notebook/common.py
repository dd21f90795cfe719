f32 = np.float32
TINY = np.finfo(f32).tiny


def weights():
    """The weights w_i of the fit term (all 1 unless the state has weights)."""
    return np.ones(n, f32) if w is None else w


def flush(x):
    """x with every value smaller in size than the smallest normal float32 set to 0, as the page
    does to its optimizer state (subnormal arithmetic is slow in its loop; never a visible bit)."""
    return np.where(np.abs(x) >= TINY, x, f32(0))


def learning_rate_at(t):
    """The learning rate of step t: lr * s_t computed in float64, rounded once to float32."""
    return f32(learning_rate if decay is None else learning_rate * decay_factor(t))
