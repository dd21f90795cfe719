def plot_losses(history):
    """The seed's four loss curves (fit, grad_norm, reg, total), log scale."""
    plt.figure(figsize=(13, 5))
    names = sorted(history[0]) if history else []
    for i, name in enumerate(names, 1):
        plt.subplot(1, len(names), i)
        plt.plot([h[name] for h in history])
        plt.yscale('log')
        plt.title(name)
    plt.show()


def z_star(mu):
    """The exact optimum z*, coordinate by coordinate."""
    return np.array([optimum(FIT, a, v, mu, c) for a, v in
                     zip(z0.astype(np.float64), weights().astype(np.float64))], dtype=f32)


def plot_z_z0(z, z0, mu, show=True):
    """Plot z against z0, with z* and, for an L1 fit, the band c ± w/(2 mu) where z follows z0."""
    plt.plot(z0, z, '.-', label='z (learned)')
    plt.plot(z0, z_star(mu), '--', label='z* (exact)')
    if FIT == 'l1' and mu > 0:
        half = weights().astype(np.float64) / (2 * mu)
        if w is None:
            plt.axhspan(c - half[0], c + half[0], alpha=0.15, label='band c ± 1/(2 mu)')
        else:
            plt.vlines(z0, c - half, c + half, alpha=0.3, label='bands c ± w_i/(2 mu)')
    plt.xlabel('z0')
    plt.ylabel('z')
    plt.title(f'z vs z0, mu={round(mu, 4)}')
    plt.legend()
    if show:
        plt.show()
