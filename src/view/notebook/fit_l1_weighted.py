def fit_term(d):
    """Weighted L1: w |d| and its subgradient w sign(d), with sign(0) = 0 as tf.sign."""
    return w * np.abs(d), w * np.sign(d)
