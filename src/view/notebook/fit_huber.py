def fit_term(d):
    """Pseudo-Huber of width delta: w d^2/(s + 1) = w delta^2 (s - 1) without its cancellation,
    and its gradient w d/s, where s = sqrt(1 + (d/delta)^2)."""
    q = d * f32(1.0 / delta)
    s = np.sqrt(f32(1) + q * q)
    a = np.abs(d)
    return weights() * (a * (a / (s + f32(1)))), weights() * (d / s)
