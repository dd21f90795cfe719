def get_z():
    """Get the trainable variable."""
    z = tf.Variable(tf.zeros(n))
    return z


def opt_step(z, opt, mu):
    """One optimization step."""
    z_vars = [z]
    with tf.GradientTape() as tape:
        losses = loss(mu, z, z0)
        loss_total = losses['total']
    grads = tape.gradient(loss_total, z_vars)
    if getattr(opt, 'hand_written', False):  # no TensorFlow optimizer: the hand-written update
        z.assign(opt.step(z.numpy(), None))
    else:
        opt.apply_gradients(zip(grads, z_vars))
    losses['grad_norm'] = tf.linalg.norm(grads)
    return {x: y.numpy() for x, y in losses.items()}


def experiment(z0, mu=0, epochs=25000, show=True):
    """One optimization experiment."""
    z = get_z()
    opt = make_optimizer(n, mu)
    history = []
    for epoch in range(epochs):
        if decay is not None and not getattr(opt, 'hand_written', False):
            opt.learning_rate = learning_rate_at(epoch + 1)
        before = z.numpy()
        losses = opt_step(z, opt, mu)
        if not all(np.isfinite(x) for x in losses.values()):
            print(f'mu = {mu}: diverged at epoch {epoch + 1}')  # the page stops there too
            break
        history.append(losses)
        if getattr(opt, 'depends_on_z_alone', False) and z.numpy().tobytes() == before.tobytes():
            # The prox step depends on z alone: from a fixed point every later step is the same.
            history += [losses] * (epochs - epoch - 1)
            break
    if show:
        plot_losses(history)
        plot_z_z0(z.numpy(), z0, mu)
    return {'z': np.array(z.numpy()), 'losses': history}
