def loss(mu, z):
    """The losses at z and the subgradient g = w phi'(z - z0) + 2 mu (z - c), in float32 as the page's worker
    (TensorFlow's gradient of mu * reduce_sum(square(z - c)) is mu * ((z - c) * 2))."""
    fit_i, fit_g = fit_term(z - z0)
    r = z - f32(c)
    g = fit_g + f32(mu) * (r * f32(2))
    loss_fit, loss_reg = fit_i.sum(dtype=f32), (r * r).sum(dtype=f32)
    return {'fit': loss_fit, 'reg': loss_reg, 'total': loss_fit + f32(mu) * loss_reg,
            'grad_norm': np.sqrt((g * g).sum(dtype=f32))}, g
