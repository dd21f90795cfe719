def _bits(x):
    """The bit pattern of float32 values, as int64 (two's complement of the int32)."""
    return np.asarray(x, dtype=f32).view(np.int32).astype(np.int64)


def _from_bits(i):
    """float32 values with bit patterns i (the low 32 bits)."""
    return (np.asarray(i, dtype=np.int64) & 0xFFFFFFFF).astype(np.uint32).view(f32)


def _cut(x, mask=0xFFFFF000):
    """x with its low mantissa bits cleared (musl's trick for exact head + tail sums)."""
    return _from_bits(_bits(x) & mask)


# musl's constants, as their bit patterns (a decimal literal would be rounded twice here).
_K = {name: _from_bits(bits)[()] for name, bits in dict(
    DP_H=0x3F15C000, DP_L=0x35D1CFDC, TWO24=0x4B800000,
    L1=0x3F19999A, L2=0x3EDB6DB7, L3=0x3EAAAAAB, L4=0x3E8BA305, L5=0x3E6C3255, L6=0x3E53F142,
    P1=0x3E2AAAAB, P2=0xBB360B61, P3=0x388AB355, P4=0xB5DDEA0E, P5=0x3331BB4C,
    LG2=0x3F317218, LG2_H=0x3F317200, LG2_L=0x35BFBE8C,
    CP=0x3F76384F, CP_H=0x3F764000, CP_L=0xB8F623C6).items()}


def _log2_parts(x):
    """log2(x) = t1 + t2 for one float32 0 < x < 1, step by step as libm's powf."""
    k_ = _K
    ax, n, ix = x, 0, int(_bits(x))
    if ix < 0x00800000:  # subnormal x
        ax = f32(ax * k_['TWO24'])
        n, ix = -24, int(_bits(ax))
    n += (ix >> 23) - 0x7F
    j = ix & 0x007FFFFF
    ix = j | 0x3F800000
    k = 0 if j <= 0x1CC471 else (1 if j < 0x5DB3D7 else 0)
    if j >= 0x5DB3D7:
        n, ix = n + 1, ix - 0x00800000
    ax = _from_bits(ix)[()]
    bp, dp_h, dp_l = f32(1.5 if k else 1.0), (k_['DP_H'] if k else f32(0)), (k_['DP_L'] if k else f32(0))
    u = ax - bp
    v = f32(1) / (ax + bp)
    s = u * v
    s_h = _cut(s)[()]
    t_h = _from_bits((((ix >> 1) & 0xFFFFF000) | 0x20000000) + 0x00400000 + (k << 21))[()]
    t_l = ax - (t_h - bp)
    s_l = v * ((u - s_h * t_h) - s_h * t_l)
    s2 = s * s
    r = s2 * s2 * (k_['L1'] + s2 * (k_['L2'] + s2 * (k_['L3'] + s2 * (k_['L4'] + s2 * (k_['L5'] + s2 * k_['L6'])))))
    r = r + s_l * (s_h + s)
    s2 = s_h * s_h
    t_h = _cut(f32(3) + s2 + r)[()]
    t_l = r - ((t_h - f32(3)) - s2)
    u = s_h * t_h
    v = s_l * t_h + t_l * s
    p_h = _cut(u + v)[()]
    p_l = v - (p_h - u)
    z_h = k_['CP_H'] * p_h
    z_l = k_['CP_L'] * p_h + p_l * k_['CP'] + dp_l
    t = f32(n)
    t1 = _cut(((z_h + z_l) + dp_h) + t)[()]
    t2 = z_l - (((t1 - t) - dp_h) - z_h)
    return t1, t2


def beta_power_page(beta, steps):
    """beta**t in float32 for the steps t (float32 array, 1 <= t < 2**27) exactly as the page:
    wasm has no system pow, so the page uses the pure-Rust `libm` crate's powf (musl's, from
    FreeBSD). It differs from glibc's powf (which numpy and TensorFlow use on Linux) in the last
    bit for ~0.2 % of the steps, which moves z by ~1e-10: this port keeps the page's bits."""
    x, y = f32(beta), np.asarray(steps, dtype=f32)
    if x == 0:
        return np.zeros_like(y)
    k_ = _K
    t1, t2 = _log2_parts(x)
    # y * log2(x) as p_h + p_l, then 2**(p_h + p_l): libm's steps, vectorised over t.
    y1 = _cut(y)
    p_l = (y - y1) * t1 + y * t2
    p_h = y1 * t1
    z = p_l + p_h
    j = _bits(z)
    zero = ((j & 0x7FFFFFFF) > 0x43160000) | (((j & 0xFFFFFFFF) == 0xC3160000) & (p_l <= z - p_h))
    i = j & 0x7FFFFFFF
    big = i > 0x3F000000  # |z| > 0.5: take out the integer part n
    k = np.where(big, (i >> 23) - 0x7F, 0)
    nn = j + (0x00800000 >> (k + 1))
    k2 = np.where(big, ((nn & 0x7FFFFFFF) >> 23) - 0x7F, 0)
    t = _from_bits(nn & ~(0x007FFFFF >> k2))
    n = ((nn & 0x007FFFFF) | 0x00800000) >> (23 - k2)
    n = np.where(big, np.where(j < 0, -n, n), 0)
    p_h = np.where(big, p_h - t, p_h)
    t = _cut(p_l + p_h, 0xFFFF8000)
    u = t * k_['LG2_H']
    v = (p_l - (t - p_h)) * k_['LG2'] + t * k_['LG2_L']
    z = u + v
    w = v - (z - u)
    t = z * z
    t1 = z - t * (k_['P1'] + t * (k_['P2'] + t * (k_['P3'] + t * (k_['P4'] + t * k_['P5']))))
    r = (z * t1) / (t1 - f32(2)) - (w + z * w)
    z = f32(1) - (r - z)
    jj = _bits(z) + (n << 23)
    # A subnormal result (< 1.2e-38) leaves 1 - beta**t = 1 either way.
    out = np.where((jj >> 23) <= 0, np.ldexp(z, n.astype(np.int32)), _from_bits(jj))
    out = np.where(zero, f32(0), out)
    out = np.where(y == 1, x, out)  # libm's own special cases
    return np.where(y == 2, x * x, out).astype(f32)


def beta_power_glibc(beta, steps):
    """beta**t as TensorFlow computes it on Linux: glibc's powf (numpy's float32 power may use
    SIMD code of its own instead, so the C function is called directly)."""
    import ctypes
    powf = ctypes.CDLL(None).powf
    powf.restype, powf.argtypes = ctypes.c_float, [ctypes.c_float, ctypes.c_float]
    return np.array([powf(float(beta), float(t)) for t in np.asarray(steps, dtype=f32)], dtype=f32)
