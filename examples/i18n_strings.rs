//! Prints the message catalogue as JSON — `[{"key": "lab.run", "en": "Run", "fr": "Lancer"}, …]`
//! — for tests/e2e/french.spec.mjs, which checks that no English text of the catalogue is
//! visible on a French page. `cargo run --example i18n_strings`.

use reglab::i18n::{EN, FR, SAME_IN_BOTH};

/// `s` as a JSON string.
fn json(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn main() {
    let rows: Vec<String> = EN
        .entries()
        .into_iter()
        .zip(FR.entries())
        .map(|((key, en), (_, fr))| {
            let same = SAME_IN_BOTH.contains(&key.as_str());
            format!(
                "{{\"key\":{},\"en\":{},\"fr\":{},\"same\":{same}}}",
                json(&key),
                json(en),
                json(fr)
            )
        })
        .collect();
    println!("[\n{}\n]", rows.join(",\n"));
}
