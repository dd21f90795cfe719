use reglab::link::mu_scale::{mu_at, position_of, MAX_POSITION};

#[test]
fn ends_and_decades() {
    assert_eq!(mu_at(0), 0.0);
    assert_eq!(mu_at(1), 1e-3);
    assert_eq!(mu_at(201), 0.1);
    assert_eq!(mu_at(301), 1.0);
    assert_eq!(mu_at(MAX_POSITION), 100.0);
    assert_eq!(position_of(0.0), 0);
    assert_eq!(position_of(1e-9), 1);
    assert_eq!(position_of(1e9), MAX_POSITION);
    assert_eq!(position_of(0.25), 241);
}

#[test]
fn positions_round_trip_and_increase() {
    for pos in 0..=MAX_POSITION {
        assert_eq!(position_of(mu_at(pos)), pos, "pos {pos}");
        if pos > 0 {
            assert!(mu_at(pos) > mu_at(pos - 1));
        }
    }
}
