use reglab::link::tour::{step_params, STEPS};
use reglab::link::{Params, TOUR_STEPS};

#[test]
fn every_step_is_a_valid_link_that_reproduces_itself() {
    assert!((5..=7).contains(&STEPS.len()));
    assert_eq!(STEPS.len() as u64, TOUR_STEPS);
    let lecture = Params {
        present: true,
        ..Params::default()
    };
    for k in 1..=TOUR_STEPS {
        let p = step_params(k, &lecture).unwrap();
        assert_eq!(p.tour, k);
        assert!(p.present, "lecture mode survives the tour");
        let parsed = Params::from_query(&p.to_query());
        assert!(parsed.replaced.is_empty());
        assert_eq!(parsed.params, p, "step {k}'s link reproduces it");
        assert!(Params::from_query(STEPS[k as usize - 1].query)
            .replaced
            .is_empty());
    }
    assert!(step_params(0, &lecture).is_none());
    assert!(step_params(TOUR_STEPS + 1, &lecture).is_none());
}
