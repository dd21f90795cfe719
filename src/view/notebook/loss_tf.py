def loss(mu, z, z0):
    """Compute the loss function {{loss_text}}."""
    d = z - z0
    loss_fit = {{tf_fit}}
    loss_reg = tf.reduce_sum(tf.square(z - c))
    loss_total = loss_fit + mu * loss_reg
    return {'fit': loss_fit,
            'reg': loss_reg,
            'total': loss_total}
