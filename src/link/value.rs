//! One key's value: read from [`Params`] as URL text, and written from URL text with the
//! table's bounds. Every refusal says why in words a person reads in a notice.

use super::choice::Choice;
use super::params::{Params, Playback, View};
use super::table::{Field, Kind, Spec, PANELS};
use super::text::{fmt_real, shorten};
use crate::i18n::{fill, t};

impl Params {
    /// The value of `field` as written in a URL (shortest text that reads back exactly).
    pub fn get(&self, field: Field) -> String {
        match field {
            Field::Mu => fmt_real(self.mu),
            Field::Lr => fmt_real(self.lr),
            Field::Epochs => self.epochs.to_string(),
            Field::N => self.n.to_string(),
            Field::Z0Min => fmt_real(self.z0min),
            Field::Z0Max => fmt_real(self.z0max),
            Field::Beta1 => fmt_real(self.beta1),
            Field::Beta2 => fmt_real(self.beta2),
            Field::Eps => fmt_real(self.eps),
            Field::Play => self.play.key(),
            Field::View => self.view.key().to_string(),
            Field::SMin => fmt_real(self.smin),
            Field::SMax => fmt_real(self.smax),
            Field::SCount => self.scount.to_string(),
            Field::Present => u8::from(self.present).to_string(),
            Field::Embed => u8::from(self.embed).to_string(),
            Field::Quiz => u8::from(self.quiz).to_string(),
            Field::Warm => u8::from(self.warm).to_string(),
            Field::Hide => self.hide.join(","),
            Field::Tour => self.tour.to_string(),
            Field::Opt => self.opt.word().into(),
            Field::Compare => self.compare.word().into(),
            Field::Decay => self.decay.word().into(),
            Field::Z0 => self.z0.word().into(),
            Field::Z0Data if self.z0data.is_empty() => String::new(),
            Field::Z0Data => super::z0_code::encode(&self.z0data).unwrap_or_default(),
            Field::Seed => self.seed.to_string(),
            Field::C => fmt_real(self.c),
            Field::Fit => self.fit.word().into(),
            Field::Delta => fmt_real(self.delta),
            Field::W => self.w.word().into(),
            Field::TLambda => fmt_real(self.tlambda),
            Field::TCap => fmt_real(self.tcap),
            Field::Lang => self.lang.map(|l| l.code().to_string()).unwrap_or_default(),
            Field::Workers => self.workers.to_string(),
        }
    }

    /// Sets `spec`'s field from URL text; `Err` says why the text was refused.
    pub fn set(&mut self, spec: &Spec, text: &str) -> Result<(), String> {
        let text = text.trim();
        match spec.kind {
            Kind::Real { min, max } => *self.real_mut(spec.field) = read_real(text, min, max)?,
            Kind::Int { min, max } => self.set_int(spec.field, read_int(text, min, max)?),
            Kind::Play => {
                self.play =
                    Playback::parse(text).ok_or_else(|| t().link_notices.not_play.to_string())?;
            }
            Kind::View => {
                self.view =
                    View::parse(text).ok_or_else(|| t().link_notices.not_view.to_string())?;
            }
            Kind::Flag => *self.flag_mut(spec.field) = read_flag(text)?,
            Kind::Choice => self.set_choice(spec.field, text)?,
            Kind::Z0Data => {
                self.z0data = if text.is_empty() {
                    Vec::new()
                } else {
                    super::z0_code::decode(text)?
                };
            }
            Kind::Panels => self.hide = read_panels(text)?,
            // `lang=de` is a wish we cannot meet, not a mistake: no notice, the browser decides.
            Kind::Lang => self.lang = crate::i18n::Lang::parse(text),
        }
        Ok(())
    }

    /// Sets a real-valued field to `x` within the table's bounds for it (the one check every
    /// writer of, say, μ goes through: slider, text field, keys, sweep rows); `Err` says why
    /// `x` was refused, and the field keeps its value.
    pub fn set_number(&mut self, field: Field, x: f64) -> Result<(), String> {
        let spec = super::table::SPECS
            .iter()
            .find(|s| s.field == field)
            .unwrap_or_else(|| unreachable!("every field has a row"));
        let Kind::Real { min, max } = spec.kind else {
            unreachable!("set_number is for real-valued fields");
        };
        *self.real_mut(field) = check_real(x, min, max)?;
        Ok(())
    }

    fn real_mut(&mut self, field: Field) -> &mut f64 {
        match field {
            Field::Mu => &mut self.mu,
            Field::Lr => &mut self.lr,
            Field::Z0Min => &mut self.z0min,
            Field::Z0Max => &mut self.z0max,
            Field::Beta1 => &mut self.beta1,
            Field::Beta2 => &mut self.beta2,
            Field::Eps => &mut self.eps,
            Field::SMin => &mut self.smin,
            Field::SMax => &mut self.smax,
            Field::C => &mut self.c,
            Field::Delta => &mut self.delta,
            Field::TLambda => &mut self.tlambda,
            Field::TCap => &mut self.tcap,
            _ => unreachable!("the table pairs reals with real fields"),
        }
    }

    fn flag_mut(&mut self, field: Field) -> &mut bool {
        match field {
            Field::Present => &mut self.present,
            Field::Embed => &mut self.embed,
            Field::Quiz => &mut self.quiz,
            Field::Warm => &mut self.warm,
            _ => unreachable!("the table pairs flags with flag fields"),
        }
    }

    fn set_int(&mut self, field: Field, x: u64) {
        match field {
            Field::Epochs => self.epochs = x,
            Field::N => self.n = x as usize,
            Field::SCount => self.scount = x as usize,
            Field::Tour => self.tour = x,
            Field::Seed => self.seed = x,
            Field::Workers => self.workers = x as u32,
            _ => unreachable!("the table pairs integers with integer fields"),
        }
    }

    fn set_choice(&mut self, field: Field, text: &str) -> Result<(), String> {
        match field {
            Field::Opt => self.opt = Choice::read(text)?,
            Field::Compare => self.compare = Choice::read(text)?,
            Field::Decay => self.decay = Choice::read(text)?,
            Field::Fit => self.fit = Choice::read(text)?,
            Field::W => self.w = Choice::read(text)?,
            Field::Z0 => {
                self.z0 = Choice::read(text)?;
                // A preset does not use values: they must not linger in the link.
                if self.z0 != super::choice::Z0Source::Data {
                    self.z0data.clear();
                }
            }
            _ => unreachable!("the table pairs choices with choice fields"),
        }
        Ok(())
    }
}

fn read_real(text: &str, min: f64, max: f64) -> Result<f64, String> {
    let x = super::decimal::parse_f64(text).ok_or_else(|| t().notices.not_a_number.to_string())?;
    check_real(x, min, max)
}

fn check_real(x: f64, min: f64, max: f64) -> Result<f64, String> {
    if !x.is_finite() {
        return Err(t().notices.not_finite.into());
    }
    if !(min..=max).contains(&x) {
        let (min, max) = (fmt_real(min), fmt_real(max));
        return Err(fill(t().notices.outside, &[("min", &min), ("max", &max)]));
    }
    Ok(if x == 0.0 { 0.0 } else { x }) // −0 reads as 0
}

fn read_int(text: &str, min: u64, max: u64) -> Result<u64, String> {
    let x: u64 = text
        .parse()
        .map_err(|_| t().notices.not_whole.to_string())?;
    if !(min..=max).contains(&x) {
        let (min, max) = (min.to_string(), max.to_string());
        return Err(fill(t().notices.outside, &[("min", &min), ("max", &max)]));
    }
    Ok(x)
}

fn read_flag(text: &str) -> Result<bool, String> {
    match text {
        "1" | "true" => Ok(true),
        "0" | "false" | "" => Ok(false),
        _ => Err(t().notices.not_flag.into()),
    }
}

/// A comma-separated list of [`PANELS`], in table order without repeats (equal sets write
/// equal links).
fn read_panels(text: &str) -> Result<Vec<String>, String> {
    // Which panels are named, in table order (no sort: the page's wasm then needs no sort code).
    let mut named = [false; PANELS.len()];
    for name in text.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        match PANELS.iter().position(|p| *p == name) {
            Some(i) => named[i] = true,
            None => return Err(fill(t().notices.no_panel, &[("name", &shorten(name))])),
        }
    }
    Ok(PANELS
        .iter()
        .zip(named)
        .filter(|(_, on)| *on)
        .map(|(p, _)| p.to_string())
        .collect())
}
