//! Release builds carry no test hook: without the cargo feature `test-hooks` the worker protocol
//! has no fault message, and with it the fault message is the last variant (so every other
//! message keeps its wire index, which tests/e2e/skeleton.spec.mjs decodes).

use reglab::protocol::{decode, encode, ToWorker};

/// The wire index of `Stop`, the last message every build has (Start, Sweep, Continue, LossCsv
/// come before it).
const STOP_INDEX: u8 = 4;

#[test]
fn stop_keeps_its_wire_index() {
    let stop = encode(&ToWorker::Stop { run: 7 });
    assert_eq!(stop.first(), Some(&STOP_INDEX), "{stop:?}");
}

/// The bytes of "the variant after Stop (the fault message), fault 0 (crash)".
fn fault_message() -> Vec<u8> {
    vec![STOP_INDEX + 1, 0]
}

#[cfg(not(feature = "test-hooks"))]
#[test]
fn release_protocol_has_no_fault_message() {
    let got = decode::<ToWorker>(&fault_message());
    assert!(
        got.is_err(),
        "a release build decoded a fault message: {got:?}"
    );
}

#[cfg(feature = "test-hooks")]
#[test]
fn hooked_protocol_has_the_fault_message() {
    use reglab::protocol::Fault;
    let got = decode::<ToWorker>(&fault_message()).expect("the fault message decodes");
    assert_eq!(got, ToWorker::Debug(Fault::Crash));
}
