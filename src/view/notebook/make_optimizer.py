def make_optimizer(n, mu):
    """The page's optimizer: {{opt_label}}."""
    return {{opt_make}}
