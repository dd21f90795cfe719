//! Hostile links: 100 000 random and adversarial query strings through the link parser. No
//! panic; every value it cannot use is reported and defaulted; what comes out is always a valid
//! state that writes itself back as a clean link. The test counts the cases it checked and
//! asserts that all 100 000 ran (so a changed config or an early exit cannot go unnoticed).

use std::cell::Cell;

use proptest::prelude::*;
use proptest::test_runner::{TestCaseResult, TestRunner};
use reglab::link::{Params, SPECS};

/// Cases the fuzz test runs (and asserts it ran).
const TOTAL: u32 = 100_000;

fn hostile_value() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("NaN".to_string()),
        Just("Infinity".to_string()),
        Just("-inf".to_string()),
        Just("-0".to_string()),
        Just("1e309".to_string()),
        Just("1e-400".to_string()),
        Just("0x1p3".to_string()),
        Just("<script>alert(1)</script>".to_string()),
        Just("%3Cscript%3E".to_string()),
        Just("%".to_string()),
        Just("%zz".to_string()),
        Just("٣".to_string()),
        Just("１００".to_string()),
        Just("".to_string()),
        any::<f64>().prop_map(|x| x.to_string()),
        any::<i64>().prop_map(|x| x.to_string()),
        any::<u64>().prop_map(|x| format!("{x}{x}")),
        "[ -~]{0,40}",
        "\\PC{0,20}",
        (0usize..3).prop_map(|k| "9".repeat([1, 1_000, 1_000_000][k])),
    ]
}

fn hostile_query() -> impl Strategy<Value = String> {
    let key = prop_oneof![
        prop::sample::select(SPECS.iter().map(|s| s.key.to_string()).collect::<Vec<_>>()),
        Just("lambda".to_string()),
        Just("theme".to_string()),
        "[a-z]{1,8}",
        "\\PC{0,6}",
    ];
    prop::collection::vec((key, hostile_value(), any::<bool>()), 0..12).prop_map(|pairs| {
        let body: Vec<String> = pairs
            .into_iter()
            .map(|(k, v, eq)| {
                if eq {
                    format!("{k}={v}")
                } else {
                    format!("{k}{v}")
                }
            })
            .collect();
        format!("?{}", body.join("&"))
    })
}

/// The keys checked as a pair: a range's lower and upper end.
const RANGES: [(&str, &str); 2] = [("z0min", "z0max"), ("smin", "smax")];

/// The properties one hostile query must satisfy.
fn check(query: &str) -> TestCaseResult {
    let parsed = Params::from_query(query);
    // The state is valid: it writes a link that reads back to itself with no notice.
    let again = Params::from_query(&parsed.params.to_query());
    prop_assert!(
        again.replaced.is_empty(),
        "{query:?} → {:?}",
        again.replaced
    );
    prop_assert_eq!(&again.params, &parsed.params);
    // Every refused value is named; every named value was refused (or failed a cross-check).
    // As browsers do: a pair without '=' is a key with an empty value; the last one counts.
    let last = |key: &str| {
        query
            .trim_start_matches('?')
            .split('&')
            .filter(|p| !p.is_empty())
            .rev()
            .find_map(|pair| {
                let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
                (k == key).then_some(v)
            })
    };
    for spec in SPECS {
        let named = parsed.replaced.iter().any(|r| r.key == spec.key);
        if let Some(v) = last(spec.key) {
            // A range's two ends are checked together (z0min < z0max, smin ≤ smax): a value is
            // judged with the other end the link gives, not against that end's default.
            let partner = RANGES.iter().find_map(|&(a, b)| {
                (spec.key == a)
                    .then_some(b)
                    .or((spec.key == b).then_some(a))
            });
            let with_partner = partner
                .and_then(|k| last(k).map(|pv| format!("&{k}={pv}")))
                .unwrap_or_default();
            let decoded = Params::from_query(&format!("{}={v}{with_partner}", spec.key));
            let refused_alone = decoded.replaced.iter().any(|r| r.key == spec.key);
            if refused_alone {
                prop_assert!(named, "{}={v:?} was refused but not named", spec.key);
            }
        }
        // Sizes stay bounded whatever the link says.
        prop_assert!(
            parsed.params.n <= 10_000
                && parsed.params.epochs <= 10_000_000
                && parsed.params.scount <= 200
        );
    }
    for r in &parsed.replaced {
        prop_assert!(
            r.given.chars().count() <= 41,
            "a notice quotes at most 40 characters"
        );
    }
    Ok(())
}

#[test]
fn hostile_links_never_break_the_page() {
    let config = ProptestConfig {
        cases: TOTAL,
        failure_persistence: None,
        ..ProptestConfig::default()
    };
    let mut runner = TestRunner::new(config);
    // Counts the cases that passed every check: on success the runner has run exactly `cases`
    // of them (the strategies never reject, so none is skipped).
    let passed = Cell::new(0u32);
    let result = runner.run(&hostile_query(), |query| {
        check(&query)?;
        passed.set(passed.get() + 1);
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    println!("hostile link cases checked: {}", passed.get());
    assert_eq!(
        passed.get(),
        TOTAL,
        "every planned hostile link was checked"
    );
}

/// Found by the fuzz: a range's ends beyond the other end's default, given together, are valid
/// (and the fuzz's own oracle judges them together).
#[test]
fn a_range_given_whole_is_judged_whole() {
    for query in ["?smax=9&smin=9", "?z0max=30&z0min=20", "?smin=9"] {
        check(query).unwrap_or_else(|e| panic!("{query}: {e}"));
    }
    assert!(Params::from_query("?smax=9&smin=9").replaced.is_empty());
    assert!(Params::from_query("?z0max=30&z0min=20").replaced.is_empty());
    assert_eq!(
        Params::from_query("?smin=9").replaced.len(),
        2,
        "smin and smax named"
    );
}
