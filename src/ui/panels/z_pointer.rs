//! Chart 1's pointer handling: grabbing a learned point and dragging it sideways (which moves its
//! z0), and a click picking the nearest coordinate for the subgradient explorer.

use leptos::prelude::*;

use crate::ui::charts::z_chart::{point_at, z0_at, ZChart};
use crate::view::shown::Frame;

/// How near (CSS px) a pointer must come to a point to grab it: a fingertip.
const GRAB_RADIUS: f64 = 18.0;

/// What the pointer handlers of chart 1 read and write; `Copy`, so each handler takes its own.
#[derive(Clone, Copy)]
pub(super) struct ZPointer {
    /// The chart's canvas.
    pub(super) canvas_ref: NodeRef<leptos::html::Canvas>,
    /// The picture.
    pub(super) frame: Signal<Option<Frame>>,
    /// The coordinate a click picks for the subgradient explorer.
    pub(super) selected: RwSignal<usize>,
    /// A point was dragged: (coordinate, its new z0).
    pub(super) on_drag: Callback<(usize, f64)>,
    /// The coordinate being dragged, if a pointer grabbed a point.
    pub(super) dragging: StoredValue<Option<usize>>,
}

impl ZPointer {
    /// The handlers' state for the chart in `canvas_ref`, with nothing grabbed yet.
    pub(super) fn new(
        canvas_ref: NodeRef<leptos::html::Canvas>,
        frame: Signal<Option<Frame>>,
        selected: RwSignal<usize>,
        on_drag: Callback<(usize, f64)>,
    ) -> Self {
        Self {
            canvas_ref,
            frame,
            selected,
            on_drag,
            dragging: StoredValue::new(None),
        }
    }

    /// The canvas and the picture, when both exist (the handlers do nothing otherwise).
    fn canvas_and_frame(&self) -> Option<(web_sys::HtmlCanvasElement, Frame)> {
        match (self.canvas_ref.get_untracked(), self.frame.get_untracked()) {
            (Some(canvas), Some(f)) => Some((canvas, f)),
            _ => None,
        }
    }

    /// Pointer down: within a fingertip of a point, grab it (a click elsewhere only picks for
    /// the explorer).
    pub(super) fn grab(self, ev: web_sys::PointerEvent) {
        let Some((canvas, f)) = self.canvas_and_frame() else {
            return;
        };
        // Hit-testing needs only the axes, which depend on z0, z and z* (not on the compared run).
        let data = ZChart::of(&f, None, false);
        let (x, y) = (f64::from(ev.offset_x()), f64::from(ev.offset_y()));
        if let Some((i, d)) = point_at(&canvas, &data, x, y) {
            if d <= GRAB_RADIUS {
                self.dragging.set_value(Some(i));
                self.selected.set(i);
                let _ = canvas.set_pointer_capture(ev.pointer_id());
                ev.prevent_default();
            }
        }
    }

    /// Pointer move: a grabbed point follows the pointer sideways (its new z0 goes to `on_drag`).
    pub(super) fn drag(self, ev: web_sys::PointerEvent) {
        let Some(i) = self.dragging.get_value() else {
            return;
        };
        let Some((canvas, f)) = self.canvas_and_frame() else {
            return;
        };
        if let Some(x) = z0_at(&canvas, &f.shown.z0, f64::from(ev.offset_x())) {
            self.on_drag.run((i, x));
        }
    }

    /// Pointer up or cancelled: lets go of the grabbed point.
    pub(super) fn release(self) {
        self.dragging.set_value(None);
    }

    /// Click: selects the coordinate whose z0 is nearest the pointer, for the explorer.
    pub(super) fn pick(self, ev: web_sys::MouseEvent) {
        let Some((canvas, f)) = self.canvas_and_frame() else {
            return;
        };
        let Some(x) = z0_at(&canvas, &f.shown.z0, f64::from(ev.offset_x())) else {
            return;
        };
        let nearest = f.shown.z0.iter().enumerate().min_by(|a, b| {
            (f64::from(*a.1) - x)
                .abs()
                .total_cmp(&(f64::from(*b.1) - x).abs())
        });
        if let Some((i, _)) = nearest {
            self.selected.set(i);
        }
    }
}
