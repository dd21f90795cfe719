use reglab::core::logspace;
use reglab::link::keys::{action_for, page_action, step_grid, Action, MU_FACTOR, SLIDER_PASSES};

#[test]
fn lecture_keys_only_act_in_lecture_mode() {
    assert_eq!(action_for("p", false), Some(Action::TogglePresent));
    assert_eq!(action_for("?", false), Some(Action::ToggleKeys));
    assert_eq!(action_for("q", false), Some(Action::ToggleQr));
    assert_eq!(action_for("Q", true), Some(Action::ToggleQr));
    assert_eq!(action_for("Escape", false), Some(Action::Close));
    assert_eq!(action_for("Escape", true), Some(Action::Close));
    assert_eq!(action_for("ArrowRight", false), None);
    assert_eq!(action_for(" ", false), None);
    assert_eq!(action_for("ArrowRight", true), Some(Action::Forward));
    assert_eq!(action_for("[", true), Some(Action::MuUp));
    assert_eq!(action_for("]", true), Some(Action::MuDown));
    assert_eq!(action_for(" ", true), Some(Action::PlayPause));
    assert_eq!(action_for("R", true), Some(Action::Replay));
    assert_eq!(action_for("f", true), Some(Action::Fullscreen));
    assert_eq!(action_for("x", true), None);
    assert!((MU_FACTOR.powi(4) - 10.0).abs() < 1e-12);
}

#[test]
fn arrows_walk_the_sweep_grid() {
    let grid = logspace(0.02, 1.0, 10);
    assert_eq!(step_grid(&grid, grid[3], 1), grid[4]);
    assert_eq!(step_grid(&grid, grid[3], -1), grid[2]);
    assert_eq!(step_grid(&grid, 0.1, 1), grid[4]); // 0.1 lies between grid[3] and grid[4]
    assert_eq!(step_grid(&grid, 0.1, -1), grid[3]);
    assert_eq!(step_grid(&grid, 1.0, 1), 1.0); // the end stays put
    assert_eq!(step_grid(&grid, 0.0, 1), grid[0]);
}

#[test]
fn while_the_qr_code_is_open_only_q_and_esc_act() {
    assert_eq!(page_action("q", false, true), Some(Action::ToggleQr));
    assert_eq!(page_action("Escape", true, true), Some(Action::Close));
    assert_eq!(page_action("ArrowRight", true, true), None);
    assert_eq!(page_action("p", true, true), None);
    assert_eq!(page_action("?", false, true), None);
    assert_eq!(
        page_action("ArrowRight", true, false),
        Some(Action::Forward)
    );
    assert_eq!(page_action("p", false, false), Some(Action::TogglePresent));
}

#[test]
fn keys_that_pass_the_slider_are_page_keys() {
    for key in SLIDER_PASSES {
        assert!(action_for(key, true).is_some(), "{key}");
    }
}
