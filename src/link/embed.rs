//! Links for other pages: the embed (`embed=1`, an `<iframe>` on a slide, a course page or an
//! LMS) and the full lab an embed opens. Both carry the whole state, so an embed shows exactly
//! what its author saw and "Open in reglab" continues from it.

use super::Params;

/// The sizes the embed layout is made for (CSS px): a small course-page box and a 16:9 slide.
pub const EMBED_SIZES: [(u32, u32); 2] = [(560, 315), (800, 450)];

/// `page` (scheme, host and path, no query) with `p`'s state as its query.
fn at(page: &str, p: &Params) -> String {
    format!("{page}?{}", p.to_query())
}

/// The link an embed shows: the same state in embed mode (never lecture mode, never a tour).
pub fn embed_link(page: &str, p: &Params) -> String {
    // The embed shows in each viewer's language, as a copied link does.
    let mut e = p.shared();
    e.embed = true;
    e.present = false;
    e.tour = 0;
    at(page, &e)
}

/// The link an embed's "Open in reglab ↗" goes to: the same state, minus `embed`.
pub fn open_link(page: &str, p: &Params) -> String {
    let mut full = p.clone();
    full.embed = false;
    at(page, &full)
}

/// Text safe inside a double-quoted HTML attribute.
fn attr(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The `<iframe>` a lecturer pastes into a slide, a course page or an LMS: the embed link, a
/// title that says what it shows (screen readers announce it), the slide size, lazy loading and
/// no border.
pub fn iframe_code(page: &str, p: &Params, (width, height): (u32, u32)) -> String {
    let (c, mu) = (crate::i18n::num(p.c), crate::i18n::num(p.mu));
    let title = crate::i18n::fill(
        crate::i18n::t().link_notices.embed_title,
        &[("c", &c), ("mu", &mu)],
    );
    format!(
        r#"<iframe src="{}" title="{}" width="{width}" height="{height}" loading="lazy" style="border:0" allow="fullscreen"></iframe>"#,
        attr(&embed_link(page, p)),
        attr(&title)
    )
}
