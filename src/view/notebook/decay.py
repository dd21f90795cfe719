def decay_factor(t):
    """The learning-rate decay s_t of step t = 1, 2, ... in float64, as the page: {{decay_text}}."""
    if decay[0] == 'step':  # the rate halves (times decay[2]) every decay[1] steps
        return decay[2] ** ((t - 1) // decay[1])
    if decay[0] == 'exp':  # times decay[1] every step
        return decay[1] ** (t - 1)
    return 1.0 / math.sqrt(t)  # 'invsqrt'
