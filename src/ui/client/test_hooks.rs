//! Test hooks, in builds with the `test-hooks` feature only (the end-to-end fault specs; see
//! Cargo.toml): `window.__reglab` breaks, hangs or reads this page's own workers, so the page's
//! recovery can be tested end to end. A release build has none of this.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::WorkerClient;
use crate::protocol::{encode, Fault, ToWorker};

thread_local! {
    /// Clients reachable from the test hooks, by name.
    static EXPOSED: RefCell<Vec<(&'static str, WorkerClient)>> = const { RefCell::new(Vec::new()) };
}

impl WorkerClient {
    /// Makes this client reachable as `name` from the test hooks (`window.__reglab`, see
    /// [`install_test_hooks`]).
    pub fn expose_as(&self, name: &'static str) {
        EXPOSED.with(|e| {
            let mut exposed = e.borrow_mut();
            exposed.retain(|(n, _)| *n != name);
            exposed.push((name, self.clone()));
        });
        install_test_hooks();
    }
}

fn exposed(name: &JsValue) -> Option<WorkerClient> {
    let name = name.as_string().unwrap_or_else(|| "live".into());
    EXPOSED.with(|e| {
        e.borrow()
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, c)| c.clone())
    })
}

/// The page's own wasm memory in bytes.
fn app_wasm_bytes() -> f64 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .ok()
        .and_then(|m| m.buffer().dyn_into::<js_sys::ArrayBuffer>().ok())
        .map_or(0.0, |b| f64::from(b.byte_length()))
}

/// Test hooks, as `window.__reglab` (each takes a client name, default `"live"`):
/// `terminateWorker(name)` terminates the worker behind the client's back, as a browser killing
/// it would; `crashWorker(name)` / `hangWorker(name)` ask it to panic / to compute 8 s without
/// answering; `restarts(name)` counts the client's restarts; `memory()` gives
/// `{ appWasmBytes, workerWasmBytes: { name: bytes } }` (a worker's figure is from its last
/// progress report); `crashPage()` panics in the page's own wasm. They only break, or read, this
/// page and its own workers.
fn install_test_hooks() {
    let Some(window) = web_sys::window() else {
        return;
    };
    if js_sys::Reflect::has(&window, &"__reglab".into()).unwrap_or(true) {
        return;
    }
    let hooks = js_sys::Object::new();
    let set = |key: &str, f: JsValue| {
        let _ = js_sys::Reflect::set(&hooks, &key.into(), &f);
    };
    let on_client = |act: fn(&WorkerClient) -> JsValue| {
        Closure::<dyn Fn(JsValue) -> JsValue>::new(move |name: JsValue| {
            exposed(&name).map_or(JsValue::NULL, |c| act(&c))
        })
        .into_js_value()
    };
    set(
        "terminateWorker",
        on_client(|c| {
            let worker = c.0.borrow().worker.clone();
            worker.map(|w| w.terminate()).is_some().into()
        }),
    );
    set(
        "crashWorker",
        on_client(|c| {
            c.post_now(&encode(&ToWorker::Debug(Fault::Crash)));
            true.into()
        }),
    );
    set(
        "hangWorker",
        on_client(|c| {
            c.post_now(&encode(&ToWorker::Debug(Fault::Hang)));
            true.into()
        }),
    );
    set(
        "restarts",
        on_client(|c| f64::from(c.0.borrow().restarts).into()),
    );
    let memory = Closure::<dyn Fn() -> JsValue>::new(|| {
        let workers = js_sys::Object::new();
        EXPOSED.with(|e| {
            for (name, c) in e.borrow().iter() {
                let bytes = c.0.borrow().worker_wasm_bytes as f64;
                let _ = js_sys::Reflect::set(&workers, &(*name).into(), &bytes.into());
            }
        });
        let out = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&out, &"appWasmBytes".into(), &app_wasm_bytes().into());
        let _ = js_sys::Reflect::set(&out, &"workerWasmBytes".into(), &workers);
        out.into()
    });
    set("memory", memory.into_js_value());
    // The page's own wasm panics (and so traps, panic = "abort"): the loader's guard must say
    // that reglab stopped and offer a reload (scripts/postbuild.mjs STARTUP_GUARD).
    let crash_page =
        Closure::<dyn Fn()>::new(|| panic!("reglab test hook: the page's wasm panics on purpose"));
    set("crashPage", crash_page.into_js_value());
    let _ = js_sys::Reflect::set(&window, &"__reglab".into(), &hooks);
}
