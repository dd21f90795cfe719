//! Embeds: the embed link, the way back to the full lab, and the `<iframe>` code.

use reglab::link::embed::{embed_link, iframe_code, open_link, EMBED_SIZES};
use reglab::link::Params;

const PAGE: &str = "https://example.org/reglab/";

fn query(link: &str) -> Params {
    let (page, query) = link.split_once('?').expect("a query");
    assert_eq!(page, PAGE);
    let parsed = Params::from_query(query);
    assert!(parsed.replaced.is_empty(), "{:?}", parsed.replaced);
    parsed.params
}

#[test]
fn an_embed_carries_the_state_and_opens_the_same_state_without_embed() {
    let mut p = Params::from_query("mu=0.3&present=1&tour=2&c=-2").params;
    p.tour = 2;
    let embed = query(&embed_link(PAGE, &p));
    assert!(embed.embed && !embed.present && embed.tour == 0);
    assert_eq!((embed.mu, embed.c), (0.3, -2.0));
    let open = query(&open_link(PAGE, &embed));
    assert!(!open.embed);
    assert_eq!(
        Params {
            embed: true,
            ..open.clone()
        },
        embed,
        "only embed differs"
    );
}

#[test]
fn the_iframe_code_has_src_title_size_lazy_loading_and_no_border() {
    let p = Params::from_query("mu=0.3").params;
    let code = iframe_code(PAGE, &p, EMBED_SIZES[1]);
    assert!(
        code.starts_with("<iframe src=\"https://example.org/reglab/?"),
        "{code}"
    );
    assert!(code.ends_with("></iframe>"), "{code}");
    for part in [
        "width=\"800\"",
        "height=\"450\"",
        "loading=\"lazy\"",
        "style=\"border:0\"",
        "title=\"reglab: ",
        "μ = 0.3",
        "&amp;embed=1&amp;",
    ] {
        assert!(code.contains(part), "{code} lacks {part}");
    }
    // No raw `&` and no stray quote inside an attribute.
    let src = code.split('"').nth(1).unwrap();
    assert!(!src.replace("&amp;", "").contains('&'), "{src}");
    let unescaped = src.replace("&amp;", "&");
    let back = query(&unescaped);
    assert!(back.embed && back.mu == 0.3);
}
