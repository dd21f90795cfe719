def optimum(fit, z0, w, mu, c):
    """The minimiser of w phi(z - z0) + mu (z - c)^2 for one coordinate, in float64 as the page
    computes it (closed forms for L1 and L2, a safeguarded Newton solve for pseudo-Huber)."""
    if not (math.isfinite(z0) and math.isfinite(c)):
        return z0 if math.isfinite(z0) else (c if math.isfinite(c) else 0.0)
    w = w if w >= 0 else 0.0
    mu = mu if mu >= 0 else 0.0
    if w == math.inf or mu == 0 or z0 == c:
        return z0
    if mu == math.inf or w == 0:
        return c
    lo, hi = min(z0, c), max(z0, c)
    if fit == 'l1':
        r = w / (2.0 * mu)
        z = min(max(z0, c - r), c + r)
    elif fit == 'l2':
        t = 1.0 / (1.0 + w / mu)
        z = z0 * (1.0 - t) + c * t
    else:
        z = solve_huber(z0, w, mu, c)
    return min(max(z, lo), hi)


def solve_huber(z0, w, mu, c):
    """Newton steps on g(z) = w phi'(z - z0) + 2 mu (z - c) = 0 kept inside a shrinking bracket
    (bisection when a step leaves it or stops halving), as the page's solver."""
    def dphi(d):
        q = d / delta
        return math.copysign(delta, d) if math.isinf(q) else d / math.hypot(q, 1.0)

    def g(z):
        return w * dphi(z - z0) + 2.0 * mu * (z - c)

    def dg(z):
        h = math.hypot((z - z0) / delta, 1.0)
        return w / (h * h * h) + 2.0 * mu

    gap = abs(z0 - c)
    tol = 1e-12 * (w * min(delta, gap) + 2.0 * mu * gap)
    lo, hi = min(z0, c), max(z0, c)
    quad, lin = optimum('l2', z0, w / 2.0, mu, c), optimum('l1', z0, w * delta, mu, c)
    z = quad if abs(g(quad)) <= abs(g(lin)) else lin
    best, best_g, last_step = z, math.inf, hi - lo
    for _ in range(100):
        gz = g(z)
        if gz != gz:
            break
        if abs(gz) < best_g:
            best, best_g = z, abs(gz)
        if abs(gz) <= tol:
            break
        lo, hi = (z, hi) if gz < 0 else (lo, z)
        mid = lo / 2.0 + hi / 2.0
        if hi - lo <= 4.0 * 2.220446049250313e-16 * max(abs(lo), abs(hi)) or mid <= lo or mid >= hi:
            break
        newton = z - gz / dg(z)
        step = abs(newton - z)
        z = newton if lo < newton < hi and step <= last_step / 2.0 else mid
        last_step = hi - lo if step != step else min(step, hi - lo)
    return best
