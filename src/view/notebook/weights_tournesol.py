# Tournesol's weights w_i = lambda n_i / (C + n_i): an entity compared n_i times. The counts n_i
# (0..20) are drawn from the page's seed with SplitMix64, exactly as the page draws them.
seed, lam, cap = {{seed}}, {{tlambda}}, {{tcap}}


def comparison_counts(seed, n):
    """n comparison counts, uniform on 0..20: floor(21 x / 2^32), x the high half of SplitMix64."""
    mask, state, counts = (1 << 64) - 1, seed, []
    for _ in range(n):
        state = (state + 0x9E3779B97F4A7C15) & mask
        x = state
        x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & mask
        x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & mask
        x ^= x >> 31
        counts.append(((x >> 32) * 21) >> 32)
    return np.array(counts, dtype=np.float64)


counts = comparison_counts(seed, n)
with np.errstate(divide='ignore', invalid='ignore'):
    w = np.where(counts == 0, 0.0, lam * counts / (cap + counts)).astype(np.float32)
w = np.where(np.isfinite(w), w, np.float32(0))
print('comparison counts:', counts.astype(int))
