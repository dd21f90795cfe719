//! Layout rules of the source tree, checked by reading `src/` (std only, nothing compiled):
//!
//! a. the `src/` root holds only `lib.rs`, `spec.rs`, `protocol.rs` and directories;
//! b. no `.rs` file under `src/` is longer than [`MAX_FILE_LINES`] lines;
//! c. no function under `src/` is longer than [`MAX_FN_LINES`] lines (from its `fn name` line to
//!    its closing brace; declarations ending in `;` are skipped; `#[component]`s count);
//! d. no import cycle between files of the library (`src/bin/` is left out): file A references
//!    file B when it names an item or a glob of B via `use` or a `crate::`, `$crate::`,
//!    `super::`, `self::` or child-module path (a string such as serde's
//!    `with = "crate::core::floats"` counts too);
//! e. files under `src/core/` reference nothing of the crate outside `crate::core`;
//! f. `src/protocol.rs` references neither `crate::link` nor `crate::ui`.
//!
//! Paths resolve to files as rustc would find them: `crate::a::b` is `src/a/b.rs` or
//! `src/a/b/mod.rs` if `b` is a module, otherwise (`b` is an item) the file of `crate::a`; an
//! item re-exported by a `mod.rs` resolves to that `mod.rs`. `crate::m!` resolves to the file
//! that defines the `#[macro_export]` macro `m`. Comments are ignored.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use scan::{Crate, Reference};

/// Longest allowed source file, in lines.
const MAX_FILE_LINES: usize = 400;
/// Longest allowed function, in lines (its `fn` line through its closing brace).
const MAX_FN_LINES: usize = 80;

/// The tree checked: this crate's `src/`, or the directory in `LAYOUT_SRC` if set (to check
/// another copy of the tree, e.g. an older revision exported with `git archive`).
fn src() -> PathBuf {
    std::env::var_os("LAYOUT_SRC")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("src"))
}

/// Fails with every violation, one per line.
fn report(rule: &str, violations: Vec<String>) {
    assert!(
        violations.is_empty(),
        "{rule}: {} violation(s):\n  {}",
        violations.len(),
        violations.join("\n  ")
    );
}

#[test]
fn a_src_root_holds_only_lib_spec_protocol_and_directories() {
    let allowed = ["lib.rs", "spec.rs", "protocol.rs"];
    let mut bad = Vec::new();
    for entry in std::fs::read_dir(src()).expect("src/ is readable") {
        let entry = entry.expect("src/ entry is readable");
        let name = entry.file_name().to_string_lossy().into_owned();
        if !entry.path().is_dir() && !allowed.contains(&name.as_str()) {
            bad.push(format!(
                "src/{name} is a file in src/ (only {allowed:?} may be)"
            ));
        }
    }
    bad.sort();
    report("rule a (src/ root)", bad);
}

#[test]
fn b_no_source_file_is_longer_than_400_lines() {
    let krate = Crate::load(&src());
    let bad = krate
        .files
        .iter()
        .filter(|f| f.lines > MAX_FILE_LINES)
        .map(|f| format!("{} has {} lines (max {MAX_FILE_LINES})", f.display, f.lines))
        .collect();
    report("rule b (file length)", bad);
}

#[test]
fn c_no_function_is_longer_than_80_lines() {
    let krate = Crate::load(&src());
    let mut bad = Vec::new();
    for file in &krate.files {
        for f in scan::functions(&file.code) {
            if f.lines() > MAX_FN_LINES {
                bad.push(format!(
                    "{}:{}: fn {} is {} lines, {}..={} (max {MAX_FN_LINES})",
                    file.display,
                    f.start,
                    f.name,
                    f.lines(),
                    f.start,
                    f.end
                ));
            }
        }
    }
    report("rule c (function length)", bad);
}

/// The library's file graph (`src/bin/` left out): file → file → the first reference making
/// that edge.
fn graph(krate: &Crate) -> BTreeMap<PathBuf, BTreeMap<PathBuf, Reference>> {
    let mut graph: BTreeMap<PathBuf, BTreeMap<PathBuf, Reference>> = BTreeMap::new();
    for file in krate.files.iter().filter(|f| !f.in_bin) {
        let edges = graph.entry(file.path.clone()).or_default();
        for r in krate.references(file) {
            if r.target != file.path {
                edges.entry(r.target.clone()).or_insert(r);
            }
        }
    }
    graph
}

/// Every cycle a depth-first search meets (one per back edge), as lists of files.
fn cycles(graph: &BTreeMap<PathBuf, BTreeMap<PathBuf, Reference>>) -> Vec<Vec<PathBuf>> {
    fn visit(
        node: &PathBuf,
        graph: &BTreeMap<PathBuf, BTreeMap<PathBuf, Reference>>,
        done: &mut BTreeSet<PathBuf>,
        stack: &mut Vec<PathBuf>,
        found: &mut Vec<Vec<PathBuf>>,
    ) {
        stack.push(node.clone());
        for next in graph.get(node).into_iter().flat_map(|e| e.keys()) {
            if let Some(at) = stack.iter().position(|n| n == next) {
                found.push(stack[at..].to_vec());
            } else if !done.contains(next) {
                visit(next, graph, done, stack, found);
            }
        }
        stack.pop();
        done.insert(node.clone());
    }
    let (mut done, mut found) = (BTreeSet::new(), Vec::new());
    for node in graph.keys() {
        if !done.contains(node) {
            visit(node, graph, &mut done, &mut Vec::new(), &mut found);
        }
    }
    found
}

#[test]
fn d_no_import_cycle_between_files() {
    let krate = Crate::load(&src());
    let graph = graph(&krate);
    let mut bad = Vec::new();
    for cycle in cycles(&graph) {
        let mut steps = Vec::new();
        for (i, from) in cycle.iter().enumerate() {
            let to = &cycle[(i + 1) % cycle.len()];
            let r = &graph[from][to];
            steps.push(format!(
                "{}:{} `{}` → {}",
                krate.display(from),
                r.line,
                r.path,
                krate.display(to)
            ));
        }
        bad.push(format!(
            "cycle of {} files: {}",
            cycle.len(),
            steps.join(", ")
        ));
    }
    report("rule d (import cycles)", bad);
}

/// The references of the files under `dir` (relative to `src/`) that resolve to a file outside
/// `allowed` or inside `forbidden` (both relative to `src/`).
fn stray_references(krate: &Crate, dir: &str, allowed: &str, forbidden: &[&str]) -> Vec<String> {
    let root = src();
    let mut bad = Vec::new();
    for file in krate
        .files
        .iter()
        .filter(|f| f.path.starts_with(root.join(dir)))
    {
        for r in krate.references(file) {
            let inside = r.target.starts_with(root.join(allowed));
            let banned = forbidden.iter().any(|f| r.target.starts_with(root.join(f)));
            if !inside || banned {
                bad.push(format!(
                    "{}:{}: `{}` refers to {}",
                    file.display,
                    r.line,
                    r.path,
                    krate.display(&r.target)
                ));
            }
        }
    }
    bad
}

#[test]
fn e_core_references_nothing_outside_core() {
    let krate = Crate::load(&src());
    report(
        "rule e (core is self-contained)",
        stray_references(&krate, "core", "core", &[]),
    );
}

#[test]
fn f_protocol_references_neither_link_nor_ui() {
    let krate = Crate::load(&src());
    report(
        "rule f (protocol knows no link or ui)",
        stray_references(&krate, "protocol.rs", "", &["link", "ui"]),
    );
}

/// The checker itself: it must see what it is meant to see, or every rule above passes vacuously.
#[test]
fn the_scanner_sees_functions_and_references() {
    let code = scan::strip(
        "fn a() {\n    let s = \"}\"; // }\n    '}'; r#\"}\"#;\n}\nfn b(x: [u8; 2]);\n/* fn c() { */\n",
    );
    let fns = scan::functions(&code.code);
    assert_eq!(fns.len(), 1, "{fns:?}");
    assert_eq!(
        (fns[0].name.as_str(), fns[0].start, fns[0].end),
        ("a", 1, 4)
    );
    let edge = |to: &str| {
        let r = Reference {
            line: 1,
            path: to.to_string(),
            target: PathBuf::from(to),
        };
        BTreeMap::from([(PathBuf::from(to), r)])
    };
    let two = BTreeMap::from([
        (PathBuf::from("a"), edge("b")),
        (PathBuf::from("b"), edge("a")),
    ]);
    assert_eq!(
        cycles(&two),
        vec![vec![PathBuf::from("a"), PathBuf::from("b")]]
    );
    let krate = Crate::load(&src());
    let core = krate.file(&src().join("core/mod.rs"));
    assert!(
        krate
            .references(core)
            .iter()
            .any(|r| r.target == src().join("core/problem.rs")),
        "core/mod.rs re-exports from core/problem.rs"
    );
}

/// Reading the tree: comments and literals, tokens, functions, module paths and references.
mod scan {
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::{Path, PathBuf};

    /// A source text with its comments blanked and its string and char contents blanked (line
    /// breaks kept, so lines keep their numbers), plus the string literals it held.
    pub struct Stripped {
        pub code: String,
        /// (line, content) of every string literal.
        pub strings: Vec<(usize, String)>,
    }

    struct Out {
        code: String,
        line: usize,
    }

    impl Out {
        fn keep(&mut self, ch: char) {
            self.code.push(ch);
            self.line += usize::from(ch == '\n');
        }
        fn blank(&mut self, ch: char) {
            self.keep(if ch == '\n' { '\n' } else { ' ' });
        }
    }

    fn is_ident(ch: char) -> bool {
        ch == '_' || ch.is_alphanumeric()
    }

    /// At `i`, the start of a raw string (`r"`, `r#"`, `br"`, …): the number of `#` and the
    /// index of its opening quote.
    fn raw_string_start(c: &[char], i: usize) -> Option<(usize, usize)> {
        let free = |k: usize| k == 0 || !is_ident(c[k - 1]);
        let prefixed = i >= 1 && matches!(c[i - 1], 'b' | 'c') && free(i - 1);
        if c[i] != 'r' || !(free(i) || prefixed) {
            return None;
        }
        let hashes = c[i + 1..].iter().take_while(|&&ch| ch == '#').count();
        (c.get(i + 1 + hashes) == Some(&'"')).then_some((hashes, i + 1 + hashes))
    }

    /// Blanks comments and the contents of string and char literals (see [`Stripped`]).
    pub fn strip(text: &str) -> Stripped {
        let c: Vec<char> = text.chars().collect();
        let mut out = Out {
            code: String::with_capacity(text.len()),
            line: 1,
        };
        let mut strings = Vec::new();
        let mut i = 0;
        while i < c.len() {
            let (ch, next) = (c[i], c.get(i + 1).copied());
            if ch == '/' && next == Some('/') {
                while i < c.len() && c[i] != '\n' {
                    out.blank(c[i]);
                    i += 1;
                }
            } else if ch == '/' && next == Some('*') {
                let mut depth = 0;
                while i < c.len() {
                    let pair = (c[i], c.get(i + 1).copied());
                    let step = match pair {
                        ('/', Some('*')) => (1, 2),
                        ('*', Some('/')) => (-1, 2),
                        _ => (0, 1),
                    };
                    depth += step.0;
                    for &k in &c[i..i + step.1] {
                        out.blank(k);
                    }
                    i += step.1;
                    if depth == 0 {
                        break;
                    }
                }
            } else if let Some((hashes, quote)) = raw_string_start(&c, i) {
                for &k in &c[i..=quote] {
                    out.keep(k);
                }
                let (line, mut j, mut content) = (out.line, quote + 1, String::new());
                let closes =
                    |j: usize| c[j] == '"' && (1..=hashes).all(|h| c.get(j + h) == Some(&'#'));
                while j < c.len() && !closes(j) {
                    content.push(c[j]);
                    out.blank(c[j]);
                    j += 1;
                }
                for &k in c.iter().skip(j).take(hashes + 1) {
                    out.keep(k);
                }
                strings.push((line, content));
                i = j + hashes + 1;
            } else if ch == '"' {
                out.keep('"');
                let (line, mut j, mut content) = (out.line, i + 1, String::new());
                while j < c.len() && c[j] != '"' {
                    let len = if c[j] == '\\' { 2 } else { 1 };
                    for &k in c.iter().skip(j).take(len) {
                        content.push(k);
                        out.blank(k);
                    }
                    j += len;
                }
                out.keep('"');
                strings.push((line, content));
                i = j + 1;
            } else if ch == '\'' && (next == Some('\\') || c.get(i + 2) == Some(&'\'')) {
                // A char literal ('x', '\n', '\u{..}'); otherwise a lifetime or label, kept.
                out.keep('\'');
                let mut j = if next == Some('\\') { i + 3 } else { i + 2 };
                while j < c.len() && c[j] != '\'' {
                    j += 1;
                }
                for &k in &c[i + 1..j.min(c.len())] {
                    out.blank(k);
                }
                out.keep('\'');
                i = j + 1;
            } else {
                out.keep(ch);
                i += 1;
            }
        }
        Stripped {
            code: out.code,
            strings,
        }
    }

    /// A token of stripped code: an identifier (`$crate` included), `::` or one other char.
    #[derive(Debug, Clone, PartialEq)]
    pub enum Tok {
        Ident(String),
        Sep,
        Punct(char),
    }

    /// The tokens of stripped code, each with its line.
    pub fn tokens(code: &str) -> Vec<(Tok, usize)> {
        let c: Vec<char> = code.chars().collect();
        let (mut i, mut line, mut out) = (0, 1, Vec::new());
        let ident_start = |ch: char| ch == '_' || ch.is_alphabetic();
        while i < c.len() {
            let ch = c[i];
            if ch.is_whitespace() {
                line += usize::from(ch == '\n');
                i += 1;
            } else if ident_start(ch)
                || (ch == '$' && c.get(i + 1).is_some_and(|&n| ident_start(n)))
            {
                let start = i;
                i += 1;
                while i < c.len() && is_ident(c[i]) {
                    i += 1;
                }
                out.push((Tok::Ident(c[start..i].iter().collect()), line));
            } else if ch.is_ascii_digit() {
                while i < c.len() && is_ident(c[i]) {
                    i += 1;
                }
                out.push((Tok::Punct('0'), line));
            } else if ch == ':' && c.get(i + 1) == Some(&':') {
                out.push((Tok::Sep, line));
                i += 2;
            } else {
                out.push((Tok::Punct(ch), line));
                i += 1;
            }
        }
        out
    }

    fn ident(t: Option<&(Tok, usize)>) -> Option<&str> {
        match t {
            Some((Tok::Ident(s), _)) => Some(s),
            _ => None,
        }
    }

    fn punct(t: Option<&(Tok, usize)>, ch: char) -> bool {
        t.is_some_and(|t| t.0 == Tok::Punct(ch))
    }

    /// A function with a body: its name and its first and last lines (1-based, inclusive).
    #[derive(Debug)]
    pub struct Function {
        pub name: String,
        pub start: usize,
        pub end: usize,
    }

    impl Function {
        pub fn lines(&self) -> usize {
            self.end - self.start + 1
        }
    }

    /// Every `fn name … { … }` of stripped code (declarations ending in `;` are skipped).
    pub fn functions(code: &str) -> Vec<Function> {
        let toks = tokens(code);
        let mut out = Vec::new();
        for k in 0..toks.len() {
            let Some(name) = ident(toks.get(k + 1)).filter(|_| ident(toks.get(k)) == Some("fn"))
            else {
                continue;
            };
            // The body's `{`: the first `{` or `;` outside (…) and […] decides.
            let (mut depth, mut j) = (0i32, k + 2);
            while j < toks.len() {
                match toks[j].0 {
                    Tok::Punct('(' | '[') => depth += 1,
                    Tok::Punct(')' | ']') => depth -= 1,
                    Tok::Punct(';' | '{') if depth == 0 => break,
                    _ => {}
                }
                j += 1;
            }
            if !punct(toks.get(j), '{') {
                continue;
            }
            let mut depth = 0;
            for (t, line) in &toks[j..] {
                depth += match t {
                    Tok::Punct('{') => 1,
                    Tok::Punct('}') => -1,
                    _ => 0,
                };
                if depth == 0 {
                    out.push(Function {
                        name: name.to_string(),
                        start: toks[k].1,
                        end: *line,
                    });
                    break;
                }
            }
        }
        out
    }

    /// One source file, read and tokenised.
    pub struct File {
        pub path: PathBuf,
        /// The path as shown in messages, e.g. `src/core/run.rs`.
        pub display: String,
        pub lines: usize,
        /// The stripped code (see [`strip`]).
        pub code: String,
        strings: Vec<(usize, String)>,
        toks: Vec<(Tok, usize)>,
        /// The module path of each token (inline `mod x { … }` included).
        scope: Vec<Vec<String>>,
        /// The module path of the file, e.g. `["core", "optim", "adam"]`.
        module: Vec<String>,
        /// Whether the file belongs to a binary under `src/bin/` (not the library).
        pub in_bin: bool,
    }

    /// A reference from a file to a file: its line, the path as written and the file it names.
    #[derive(Debug, Clone)]
    pub struct Reference {
        pub line: usize,
        pub path: String,
        pub target: PathBuf,
    }

    /// The crate's source tree.
    pub struct Crate {
        src: PathBuf,
        pub files: Vec<File>,
        /// Inline modules (`mod x { … }`), by module path.
        inline: BTreeSet<Vec<String>>,
        /// `#[macro_export]` macros (reached as `crate::name!`) → the file defining them.
        macros: BTreeMap<String, PathBuf>,
    }

    /// One leaf of a `use` tree: its path, whether it is a glob, the name it binds, its line.
    struct Leaf {
        segs: Vec<String>,
        glob: bool,
        alias: Option<String>,
        line: usize,
    }

    fn rs_files(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("source directory is readable") {
            let path = entry.expect("directory entry is readable").path();
            if path.is_dir() {
                rs_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }

    /// The module path of each token, and the inline modules the file declares.
    fn scopes(toks: &[(Tok, usize)], module: &[String]) -> (Vec<Vec<String>>, Vec<Vec<String>>) {
        let (mut stack, mut depth) = (Vec::<(String, i32)>::new(), 0);
        let (mut scope, mut inline) = (Vec::with_capacity(toks.len()), Vec::new());
        for k in 0..toks.len() {
            let mut current = module.to_vec();
            current.extend(stack.iter().map(|(name, _)| name.clone()));
            match toks[k].0 {
                Tok::Punct('{') => {
                    depth += 1;
                    let name = ident(toks.get(k.wrapping_sub(1)));
                    if let Some(name) =
                        name.filter(|_| ident(toks.get(k.wrapping_sub(2))) == Some("mod"))
                    {
                        stack.push((name.to_string(), depth));
                        inline.push([current.clone(), vec![name.to_string()]].concat());
                    }
                }
                Tok::Punct('}') => {
                    depth -= 1;
                    while stack.last().is_some_and(|&(_, d)| d > depth) {
                        stack.pop();
                    }
                }
                _ => {}
            }
            scope.push(current);
        }
        (scope, inline)
    }

    /// Parses the `use` tree at `pos` (after `use` or inside braces) into `out`.
    fn use_tree(toks: &[(Tok, usize)], pos: &mut usize, prefix: &[String], out: &mut Vec<Leaf>) {
        let mut segs = prefix.to_vec();
        if toks.get(*pos).is_some_and(|t| t.0 == Tok::Sep) {
            *pos += 1; // a leading `::`
        }
        while let Some((t, line)) = toks.get(*pos) {
            match t {
                Tok::Punct('*') => {
                    *pos += 1;
                    let line = *line;
                    out.push(Leaf {
                        segs,
                        glob: true,
                        alias: None,
                        line,
                    });
                    return;
                }
                Tok::Punct('{') => {
                    *pos += 1;
                    while *pos < toks.len() && !punct(toks.get(*pos), '}') {
                        let before = *pos;
                        use_tree(toks, pos, &segs, out);
                        if punct(toks.get(*pos), ',') || *pos == before {
                            *pos += 1;
                        }
                    }
                    *pos += 1;
                    return;
                }
                Tok::Ident(s) if s != "as" => {
                    segs.push(s.clone());
                    *pos += 1;
                }
                _ => break,
            }
            if toks.get(*pos).is_some_and(|t| t.0 == Tok::Sep) {
                *pos += 1;
            } else {
                break;
            }
        }
        let line = toks.get(pos.saturating_sub(1)).map_or(0, |t| t.1);
        if segs.last().is_some_and(|s| s == "self") {
            segs.pop();
        }
        let mut alias = segs.last().cloned();
        if ident(toks.get(*pos)) == Some("as") {
            alias = ident(toks.get(*pos + 1)).map(str::to_string);
            *pos += 2;
        }
        if !segs.is_empty() {
            out.push(Leaf {
                segs,
                glob: false,
                alias,
                line,
            });
        }
    }

    impl Crate {
        /// Reads every `.rs` file under `src`.
        pub fn load(src: &Path) -> Self {
            let mut paths = Vec::new();
            rs_files(src, &mut paths);
            paths.sort();
            let root = src.parent().expect("src/ has a parent");
            let (mut files, mut inline, mut macros) =
                (Vec::new(), BTreeSet::new(), BTreeMap::new());
            for path in paths {
                let text = std::fs::read_to_string(&path).expect("source file is readable");
                let rel: Vec<String> = path
                    .strip_prefix(src)
                    .expect("under src/")
                    .iter()
                    .map(|c| c.to_string_lossy().trim_end_matches(".rs").to_string())
                    .collect();
                let in_bin = rel.len() > 1 && rel[0] == "bin";
                let mut module = rel.clone();
                if matches!(module.last().map(String::as_str), Some("mod" | "lib")) {
                    module.pop();
                }
                let stripped = strip(&text);
                let toks = tokens(&stripped.code);
                let (scope, declared) = scopes(&toks, &module);
                inline.extend(declared);
                for k in 0..toks.len() {
                    let name = ident(toks.get(k + 2));
                    let exported = toks[k.saturating_sub(12)..k]
                        .iter()
                        .any(|t| t.0 == Tok::Ident("macro_export".into()));
                    if ident(toks.get(k)) == Some("macro_rules")
                        && punct(toks.get(k + 1), '!')
                        && exported
                    {
                        if let Some(name) = name {
                            macros.insert(name.to_string(), path.clone());
                        }
                    }
                }
                files.push(File {
                    display: path
                        .strip_prefix(root)
                        .expect("under the crate")
                        .display()
                        .to_string()
                        .replace('\\', "/"),
                    lines: text.lines().count(),
                    code: stripped.code,
                    strings: stripped.strings,
                    toks,
                    scope,
                    module,
                    in_bin,
                    path,
                });
            }
            Self {
                src: src.to_path_buf(),
                files,
                inline,
                macros,
            }
        }

        /// The file at `path`.
        pub fn file(&self, path: &Path) -> &File {
            self.files
                .iter()
                .find(|f| f.path == path)
                .expect("a file of the tree")
        }

        /// `path` as shown in messages.
        pub fn display(&self, path: &Path) -> String {
            self.files
                .iter()
                .find(|f| f.path == path)
                .map_or_else(|| path.display().to_string(), |f| f.display.clone())
        }

        fn module_file(&self, module: &[String]) -> Option<PathBuf> {
            let dir = module.iter().fold(self.src.clone(), |p, s| p.join(s));
            [dir.with_extension("rs"), dir.join("mod.rs")]
                .into_iter()
                .find(|p| p.is_file())
        }

        fn is_module(&self, module: &[String]) -> bool {
            !module.is_empty()
                && (self.module_file(module).is_some() || self.inline.contains(module))
        }

        /// The file an absolute path (without `crate`) names, and whether the whole path is a
        /// module (else its tail is an item of that file).
        fn resolve(&self, abs: &[String]) -> (PathBuf, bool) {
            let mut file = self.src.join("lib.rs");
            for k in 0..abs.len() {
                match self.module_file(&abs[..=k]) {
                    Some(f) => file = f,
                    None if self.inline.contains(&abs[..=k]) => {}
                    None => return (file, false),
                }
            }
            (file, true)
        }

        /// `segs`, written in module `scope`, as an absolute path of this crate (without
        /// `crate`); `None` for other crates, local items and std.
        fn to_abs(
            &self,
            scope: &[String],
            segs: &[String],
            aliases: &BTreeMap<String, Vec<String>>,
        ) -> Option<Vec<String>> {
            let first = segs.first()?.as_str();
            match first {
                "crate" | "$crate" => Some(segs[1..].to_vec()),
                "self" | "super" => {
                    let mut module = scope.to_vec();
                    let mut rest = &segs[usize::from(first == "self")..];
                    while rest.first().is_some_and(|s| s == "super") {
                        module.pop()?;
                        rest = &rest[1..];
                    }
                    Some([module, rest.to_vec()].concat())
                }
                _ if self.is_module(&[scope, &segs[..1]].concat()) => Some([scope, segs].concat()),
                _ => aliases
                    .get(first)
                    .map(|a| [a.as_slice(), &segs[1..]].concat()),
            }
        }

        /// Every reference `file` makes to a file of the crate (itself included).
        pub fn references(&self, file: &File) -> Vec<Reference> {
            let toks = &file.toks;
            let mut in_use = vec![false; toks.len()];
            let mut leaves = Vec::new();
            for k in 0..toks.len() {
                if ident(toks.get(k)) == Some("use") && !in_use[k] {
                    let mut pos = k + 1;
                    let mut found = Vec::new();
                    use_tree(toks, &mut pos, &[], &mut found);
                    in_use[k..=pos.min(toks.len() - 1)].fill(true);
                    leaves.extend(found.into_iter().map(|leaf| (k, leaf)));
                }
            }
            // Names bound to modules by `use`, so `optim::Decay` after `use crate::core::optim;`
            // resolves; importing a module is not itself a reference to its file.
            let mut aliases = BTreeMap::new();
            for (k, leaf) in leaves.iter().filter(|(_, l)| !l.glob) {
                let abs = self.to_abs(&file.scope[*k], &leaf.segs, &BTreeMap::new());
                if let (Some(abs), Some(alias)) = (abs, &leaf.alias) {
                    if self.resolve(&abs).1 {
                        aliases.insert(alias.clone(), abs);
                    }
                }
            }
            let mut refs = Vec::new();
            for (k, leaf) in &leaves {
                let Some(abs) = self.to_abs(&file.scope[*k], &leaf.segs, &aliases) else {
                    continue;
                };
                let (target, module) = self.resolve(&abs);
                if leaf.glob || !module {
                    let path = leaf.segs.join("::") + if leaf.glob { "::*" } else { "" };
                    refs.push(Reference {
                        line: leaf.line,
                        path,
                        target,
                    });
                }
            }
            for k in 0..toks.len() {
                let Some(first) = ident(toks.get(k)) else {
                    continue;
                };
                let after_sep = k > 0 && toks[k - 1].0 == Tok::Sep;
                let restricted =
                    k >= 2 && ident(toks.get(k - 1)) == Some("in") && punct(toks.get(k - 2), '(');
                if in_use[k] || after_sep || restricted {
                    continue; // not the start of a path, or `pub(in path)`
                }
                let (mut segs, mut j) = (vec![first.to_string()], k + 1);
                while let Some(s) =
                    ident(toks.get(j + 1)).filter(|_| toks.get(j).is_some_and(|t| t.0 == Tok::Sep))
                {
                    segs.push(s.to_string());
                    j += 2;
                }
                if segs.len() < 2 {
                    continue;
                }
                let Some(abs) = self.to_abs(&file.scope[k], &segs, &aliases) else {
                    continue;
                };
                let exported = abs.len() == 1 && punct(toks.get(j), '!');
                let target = match self.macros.get(&abs[0]).filter(|_| exported) {
                    Some(f) => f.clone(),
                    None => self.resolve(&abs).0,
                };
                refs.push(Reference {
                    line: toks[k].1,
                    path: segs.join("::"),
                    target,
                });
            }
            // Paths in strings, e.g. serde's `#[serde(with = "crate::core::floats")]`.
            for (line, s) in &file.strings {
                let segs: Vec<String> = s.split("::").map(str::to_string).collect();
                let is_path = segs.len() > 1
                    && segs
                        .iter()
                        .all(|p| !p.is_empty() && p.trim_start_matches('$').chars().all(is_ident));
                if !is_path || !matches!(segs[0].as_str(), "crate" | "$crate" | "self" | "super") {
                    continue;
                }
                if let Some(abs) = self.to_abs(&file.module, &segs, &aliases) {
                    refs.push(Reference {
                        line: *line,
                        path: s.clone(),
                        target: self.resolve(&abs).0,
                    });
                }
            }
            refs
        }
    }
}
