def fit_term(d):
    """The seed's fit: |d| and its subgradient sign(d), with sign(0) = 0 as tf.sign."""
    return np.abs(d), np.sign(d)
