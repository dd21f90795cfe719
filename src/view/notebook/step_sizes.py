def step_sizes(first, last):
    """Adam's alpha(t) = lr * sqrt(1 - beta_2**t) / (1 - beta_1**t) for t = first..last, every
    operation in float32 as Keras does (beta**t = pow(float32(beta), float32(t)))."""
    t = np.arange(first, last + 1, dtype=np.float64).astype(f32)
    a = f32(1) - beta_power(beta_1, t)
    b = f32(1) - beta_power(beta_2, t)
    return (f32(learning_rate) * np.sqrt(b)) / a
