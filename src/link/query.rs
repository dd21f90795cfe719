//! The whole link: a query string to [`Params`] and back, and the same state as JSON.
//!
//! Parsing never fails: an unknown key is ignored, a malformed or out-of-range value falls back
//! to its default and is reported in [`Parsed::replaced`] so the page can say what it changed.
//! `from_query(to_query(p)) == p` for every valid `p` (tested by proptest).

use serde::{Deserialize, Serialize};

use super::choice::{Choice, Z0Source};
use super::params::Params;
use super::table::{Field, Kind, LEGACY, SPECS};
use super::text::{fmt_real, percent_decode, percent_encode, shorten};
use crate::i18n::t;

/// A value that was in the link but could not be used, and what replaced it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Replaced {
    /// The URL key.
    pub key: String,
    /// What the link said (shortened to 40 characters; shown as text, never as HTML).
    pub given: String,
    /// Why it was refused.
    pub reason: String,
    /// The value used instead, as written in a URL.
    pub used: String,
}

/// The result of reading a query string: the parameters and every value that was replaced.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Parsed {
    /// The parameters to use.
    pub params: Params,
    /// Values from the link that were replaced by defaults, in table order.
    pub replaced: Vec<Replaced>,
    /// Keys of an older link format that were renamed or dropped (see [`LEGACY`]).
    pub legacy: Vec<Replaced>,
}

impl Params {
    /// Reads a query string (with or without the leading `?`). Never fails; see [`Parsed`].
    pub fn from_query(query: &str) -> Parsed {
        let pairs: Vec<(String, String)> = query
            .trim_start_matches('?')
            .split('&')
            .filter(|s| !s.is_empty())
            .map(|pair| {
                let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
                (percent_decode(k), percent_decode(v))
            })
            .collect();
        let mut legacy = Vec::new();
        let pairs = renamed(&pairs, &mut legacy);
        let defaults = Params::default();
        let mut params = Params::default();
        let mut replaced = Vec::new();
        for spec in SPECS {
            // The last occurrence wins, as with URLSearchParams.get on a rewritten link.
            let Some((_, text)) = pairs.iter().rev().find(|(k, _)| k == spec.key) else {
                continue;
            };
            if let Err(reason) = params.set(spec, text) {
                replaced.push(Replaced {
                    key: spec.key.into(),
                    given: shorten(text),
                    reason,
                    used: defaults.get(spec.field),
                });
            }
        }
        params.check_together(&mut replaced);
        Parsed {
            params,
            replaced,
            legacy,
        }
    }

    /// The checks that span two keys: each range must be ordered, and `z0=data` needs values.
    fn check_together(&mut self, replaced: &mut Vec<Replaced>) {
        let d = Params::default();
        if self.z0min >= self.z0max {
            let why = t().link_notices.z0_order;
            let pair = [("z0min", d.z0min), ("z0max", d.z0max)];
            replaced.extend(range_replaced(self.z0min, self.z0max, pair, why));
            (self.z0min, self.z0max) = (d.z0min, d.z0max);
        }
        match (self.z0, self.z0data.len()) {
            (Z0Source::Data, 0) => {
                replaced.push(Replaced {
                    key: "z0".into(),
                    given: "data".into(),
                    reason: t().link_notices.no_values.into(),
                    used: d.z0.word().into(),
                });
                self.z0 = d.z0;
            }
            // The values decide n; a preset does not use them.
            (Z0Source::Data, len) => self.n = len,
            _ => self.z0data.clear(),
        }
        if self.smin > self.smax {
            let why = t().link_notices.s_order;
            let pair = [("smin", d.smin), ("smax", d.smax)];
            replaced.extend(range_replaced(self.smin, self.smax, pair, why));
            (self.smin, self.smax) = (d.smin, d.smax);
        }
    }

    /// Writes every key of the table (so a link keeps its meaning even if a default changes),
    /// except an empty `z0data`, an unset `lang` (the reader's language is not state) and an
    /// unset `workers` (nor are the reader's cores).
    pub fn to_query(&self) -> String {
        SPECS
            .iter()
            .filter(|s| s.field != Field::Z0Data || !self.z0data.is_empty())
            .filter(|s| s.field != Field::Lang || self.lang.is_some())
            .filter(|s| s.field != Field::Workers || self.workers > 0)
            .map(|s| format!("{}={}", s.key, percent_encode(&self.get(s.field))))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// The state as JSON with the same keys and values as the link (numbers as numbers, words
    /// as strings), so `new URLSearchParams(json)` is a link to the same state. The language is
    /// the reader's, not the state's: it is left out.
    pub fn to_json(&self) -> String {
        let fields: Vec<String> = SPECS
            .iter()
            .filter(|s| s.field != Field::Lang && s.field != Field::Workers)
            .map(|s| {
                let v = self.get(s.field);
                match s.kind {
                    Kind::Real { .. } | Kind::Int { .. } | Kind::Flag => {
                        format!("\"{}\":{}", s.key, v)
                    }
                    Kind::Play
                    | Kind::View
                    | Kind::Panels
                    | Kind::Choice
                    | Kind::Z0Data
                    | Kind::Lang => {
                        format!("\"{}\":\"{}\"", s.key, v)
                    }
                }
            })
            .collect();
        format!("{{{}}}", fields.join(","))
    }
}

/// The pairs with older keys renamed (see [`LEGACY`]); each old key is reported in `legacy`.
fn renamed(pairs: &[(String, String)], legacy: &mut Vec<Replaced>) -> Vec<(String, String)> {
    pairs
        .iter()
        .filter_map(|(k, v)| match LEGACY.iter().find(|(old, _, _)| old == k) {
            None => Some((k.clone(), v.clone())),
            Some((old, new, note)) => {
                legacy.push(Replaced {
                    key: (*old).into(),
                    given: shorten(v),
                    reason: crate::i18n::link_notice(note).into(),
                    used: new.map_or_else(
                        || t().link_notices.ignored.to_string(),
                        |n| format!("{n}={}", shorten(v)),
                    ),
                });
                // A renamed key counts only when the link does not also carry the new one.
                new.filter(|n| !pairs.iter().any(|(k2, _)| k2 == n))
                    .map(|n| (n.to_string(), v.clone()))
            }
        })
        .collect()
}

/// The two notices of a range whose ends are out of order: each key goes back to its default.
fn range_replaced(lo: f64, hi: f64, keys: [(&str, f64); 2], why: &str) -> Vec<Replaced> {
    // Quoted as every notice quotes a link (`shorten`): two tiny numbers in full are long.
    let given = shorten(&format!("{}…{}", fmt_real(lo), fmt_real(hi)));
    keys.iter()
        .map(|(key, used)| Replaced {
            key: (*key).into(),
            given: given.clone(),
            reason: why.into(),
            used: fmt_real(*used),
        })
        .collect()
}
