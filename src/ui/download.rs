//! Saving text as a file: a Blob, an object URL and a temporary link.

use wasm_bindgen::JsCast;

/// Offers `text` as a download named `filename` with MIME type `mime`.
pub fn download(filename: &str, mime: &str, text: &str) -> Result<(), String> {
    save(filename, mime, &text.into())
}

/// Offers `bytes` as a download named `filename` with MIME type `mime`.
pub fn download_bytes(filename: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    save(filename, mime, &js_sys::Uint8Array::from(bytes).into())
}

fn save(filename: &str, mime: &str, part: &wasm_bindgen::JsValue) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let parts = js_sys::Array::of1(part);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|e| super::js_error::js_error(&e))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|e| super::js_error::js_error(&e))?;
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|e| super::js_error::js_error(&e))?
        .unchecked_into();
    link.set_href(&url);
    link.set_download(filename);
    link.click();
    // Revoking at once can cancel the download in some browsers; a second later it is safe.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    let _ =
        window.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 1_000);
    Ok(())
}
