//! What the page draws, as plain data: pure functions of a result that the panels and the PNG
//! export both use, tested natively (the leptos components in `ui` only draw them).

pub mod charts;
pub mod csv;
pub mod envelope;
pub mod explain;
pub mod format;
pub mod mp4;
pub mod notebook;
pub mod preview;
pub mod qr;
pub mod quiz;
pub mod regime;
pub mod run_state;
pub mod shown;
pub mod sweep_parts;
pub mod sweep_shown;
pub mod tournesol_story;
pub mod video;
pub mod webm;
