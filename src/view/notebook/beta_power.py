# beta**t as glibc's powf computes it (glibc >= 2.28: the algorithm of Arm's optimized-routines,
# MIT licence). TensorFlow's float32 pow on Linux is glibc's, and the page carries a port of it
# (wasm has no system libm), so z equals both bit for bit. numpy's own float32 power may use
# SIMD code of its own, which differs in the last bit for some steps. Tables as bit patterns.
_INV_C = np.array([
    0x3ff661ec79f8f3be, 0x3ff571ed4aaf883d, 0x3ff49539f0f010b0, 0x3ff3c995b0b80385,
    0x3ff30d190c8864a5, 0x3ff25e227b0b8ea0, 0x3ff1bb4a4a1a343f, 0x3ff12358f08ae5ba,
    0x3ff0953f419900a7, 0x3ff0000000000000, 0x3fee608cfd9a47ac, 0x3feca4b31f026aa0,
    0x3feb2036576afce6, 0x3fe9c2d163a1aa2d, 0x3fe886e6037841ed, 0x3fe767dcf5534862,
], dtype=np.uint64).view(np.float64)
_LOG2_C = np.array([
    0xbfdefec65b963019, 0xbfdb0b6832d4fca4, 0xbfd7418b0a1fb77b, 0xbfd39de91a6dcf7b,
    0xbfd01d9bf3f2b631, 0xbfc97c1d1b3b7af0, 0xbfc2f9e393af3c9f, 0xbfb960cbbf788d5c,
    0xbfaa6f9db6475fce, 0x0000000000000000, 0x3fb338ca9f24f53d, 0x3fc476a9543891ba,
    0x3fce840b4ac4e4d2, 0x3fd40645f0c6651c, 0x3fd88e9c2c1b9ff8, 0x3fdce0a44eb17bcc,
], dtype=np.uint64).view(np.float64)
_LOG2_POLY = np.array([0x3fd27616c9496e0b, 0xbfd71969a075c67a, 0x3fdec70a6ca7badd,
                       0xbfe7154748bef6c8, 0x3ff71547652ab82b], dtype=np.uint64).view(np.float64)
_EXP2_T = np.array([
    0x3ff0000000000000, 0x3fefd9b0d3158574, 0x3fefb5586cf9890f, 0x3fef9301d0125b51,
    0x3fef72b83c7d517b, 0x3fef54873168b9aa, 0x3fef387a6e756238, 0x3fef1e9df51fdee1,
    0x3fef06fe0a31b715, 0x3feef1a7373aa9cb, 0x3feedea64c123422, 0x3feece086061892d,
    0x3feebfdad5362a27, 0x3feeb42b569d4f82, 0x3feeab07dd485429, 0x3feea47eb03a5585,
    0x3feea09e667f3bcd, 0x3fee9f75e8ec5f74, 0x3feea11473eb0187, 0x3feea589994cce13,
    0x3feeace5422aa0db, 0x3feeb737b0cdc5e5, 0x3feec49182a3f090, 0x3feed503b23e255d,
    0x3feee89f995ad3ad, 0x3feeff76f2fb5e47, 0x3fef199bdd85529c, 0x3fef3720dcef9069,
    0x3fef5818dcfba487, 0x3fef7c97337b9b5f, 0x3fefa4afa2a490da, 0x3fefd0765b6e4540,
], dtype=np.uint64)
_EXP2_POLY = np.array([0x3fac6af84b912394, 0x3fcebfce50fac4f3, 0x3fe62e42ff0c52d6],
                      dtype=np.uint64).view(np.float64)
_SHIFT = np.array(0x42e8000000000000, dtype=np.uint64).view(np.float64)[()]  # 1.5 * 2**52 / 32


def _log2(beta):
    """log2 of one float32 0 < beta < 1 in float64, every step as glibc's powf."""
    ix = int(np.array(beta, dtype=f32).view(np.uint32))
    if ix < 0x00800000:  # a subnormal beta: normalised, its exponent field goes negative
        ix = (int(np.array(f32(beta) * f32(2 ** 23)).view(np.uint32)) - (23 << 23)) & 0xFFFFFFFF
    tmp = (ix - 0x3F330000) & 0xFFFFFFFF
    i, top = (tmp >> 19) & 15, tmp & 0xFF800000
    z = float(np.array((ix - top) & 0xFFFFFFFF, dtype=np.uint32).view(f32))
    k = (top - (1 << 32) if top & 0x80000000 else top) >> 23
    a = _LOG2_POLY
    r = z * _INV_C[i] - 1.0
    y0 = _LOG2_C[i] + float(k)
    r2 = r * r
    y = a[0] * r + a[1]
    p = a[2] * r + a[3]
    r4 = r2 * r2
    q = a[4] * r + y0
    q = p * r2 + q
    return y * r4 + q


def beta_power(beta, steps):
    """beta**t in float32 for the steps t (a float32 array), bit for bit glibc's powf."""
    x, y = f32(beta), np.asarray(steps, dtype=f32)
    if x == 0:
        return np.zeros_like(y)
    xd = y.astype(np.float64) * _log2(x)  # exact: a float32 times a float64
    xd = np.maximum(xd, -151.0)  # far below 2**-150 the table's exponent would wrap around
    kd = xd + _SHIFT  # rounds xd to k/32 and leaves k in the low bits
    ki = kd.view(np.uint64)
    r = xd - (kd - _SHIFT)
    s = (_EXP2_T[ki % np.uint64(32)] + (ki << np.uint64(47))).view(np.float64)
    c = _EXP2_POLY
    z = c[0] * r + c[1]
    r2 = r * r
    out = ((z * r2 + (c[2] * r + 1.0)) * s).astype(f32)
    return np.where(xd <= -150.0, f32(0), out)  # below 2**-150 glibc's powf returns 0
