def experiment(z0, mu=0, epochs=25000, show=True):
    """One optimization experiment: z from 0, `epochs` steps of {{opt_label}}."""
    z = np.zeros(n, f32)
    opt = make_optimizer(n, mu)
    history = []
    for epoch in range(epochs):
        losses, g = loss(mu, z)
        z_next = opt.step(z, g)
        if not all(np.isfinite(x) for x in losses.values()):
            print(f'mu = {mu}: diverged at epoch {epoch + 1}')  # the page stops there too
            z = z_next
            break
        history.append(losses)
        if getattr(opt, 'depends_on_z_alone', False) and z_next.tobytes() == z.tobytes():
            # The prox step depends on z alone: from a fixed point every later step is the same.
            history += [losses] * (epochs - epoch - 1)
            break
        z = z_next
    if show:
        plot_losses(history)
        plot_z_z0(z, z0, mu)
    return {'z': np.array(z), 'losses': history}
