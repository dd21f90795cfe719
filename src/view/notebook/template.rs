//! The notebook's text comes from template files with named placeholders `{{name}}`; this is the
//! small renderer that fills them. A placeholder with no value, or a `{{` that is never closed,
//! is an error (a template and its generator disagree), never a silently wrong notebook.

/// Why a template could not be filled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TemplateError {
    /// `{{name}}` has no value.
    Missing(String),
    /// A `{{` with no `}}` after it.
    Unclosed,
    /// No template file of this name.
    NoTemplate(String),
    /// The templates file is not a bundle of templates.
    NotBundle,
}

impl std::fmt::Display for TemplateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TemplateError::Missing(name) => write!(f, "the notebook template needs “{name}”"),
            TemplateError::Unclosed => write!(f, "a notebook template has an unclosed “{{{{”"),
            TemplateError::NoTemplate(name) => {
                write!(f, "the notebook template “{name}” is missing")
            }
            TemplateError::NotBundle => {
                write!(f, "the notebook templates file is not a template bundle")
            }
        }
    }
}

/// `template` with every `{{name}}` replaced by the value paired with `name` in `values`
/// (inserted as is: a value is never scanned for placeholders). Names are trimmed, so
/// `{{ mu }}` is `{{mu}}`.
pub fn render(template: &str, values: &[(&str, &str)]) -> Result<String, TemplateError> {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let end = after.find("}}").ok_or(TemplateError::Unclosed)?;
        let name = after[..end].trim();
        let value = values
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| *v)
            .ok_or_else(|| TemplateError::Missing(name.to_string()))?;
        out.push_str(value);
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    Ok(out)
}
