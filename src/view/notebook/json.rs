//! The notebook file itself: nbformat 4 JSON, written by hand (the page carries no JSON library:
//! serde_json is a dev-dependency only, and this is all the JSON the page writes).

/// A cell of the notebook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    /// Markdown text.
    Markdown(String),
    /// Python code (not executed: no outputs, no execution count).
    Code(String),
}

/// `s` as a JSON string literal: quotes, backslashes and every control character escaped
/// (`\n`, `\t`, `\r`, `\b`, `\f` by name, the others as `\u00XX`); everything else, non-ASCII
/// included, is written as its UTF-8 (JSON text is UTF-8).
pub fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A cell's `source` as nbformat stores it: a list of lines, each but the last keeping its `\n`.
fn source_lines(text: &str) -> String {
    let text = text.trim_end_matches('\n');
    let lines: Vec<String> = text
        .split_inclusive('\n')
        .map(json_string)
        .collect::<Vec<_>>();
    format!("[{}]", lines.join(", "))
}

/// The notebook's JSON (nbformat 4.5: every cell has an `id`; kernel Python 3).
pub fn notebook_json(cells: &[Cell]) -> String {
    let cells: Vec<String> = cells
        .iter()
        .enumerate()
        .map(|(i, cell)| {
            let id = format!("\"id\": \"cell-{}\"", i + 1);
            match cell {
                Cell::Markdown(text) => format!(
                    "  {{\"cell_type\": \"markdown\", {id}, \"metadata\": {{}}, \"source\": {}}}",
                    source_lines(text)
                ),
                Cell::Code(text) => format!(
                    "  {{\"cell_type\": \"code\", \"execution_count\": null, {id}, \"metadata\": {{}}, \"outputs\": [], \"source\": {}}}",
                    source_lines(text)
                ),
            }
        })
        .collect();
    format!(
        "{{\n \"cells\": [\n{}\n ],\n \"metadata\": {{\n  \"kernelspec\": {{\"display_name\": \"Python 3\", \"language\": \"python\", \"name\": \"python3\"}},\n  \"language_info\": {{\"name\": \"python\"}}\n }},\n \"nbformat\": 4,\n \"nbformat_minor\": 5\n}}\n",
        cells.join(",\n")
    )
}
