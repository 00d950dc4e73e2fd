//! The `janus` binary: configuration from `JANUS_…` variables, and a graceful exit on SIGTERM
//! while the L1 node is unreachable (the watcher is backing off).

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[test]
fn node_reads_env_and_stops_cleanly_on_sigterm() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut child = Command::new(env!("CARGO_BIN_EXE_janus"))
        .arg("node")
        .env("JANUS_L1_RPC", "http://127.0.0.1:9") // nothing listens on the discard port
        .env("JANUS_ROLLUP", "0x5FC8d32690cc91D4c39d9d3abcBD16989F875707")
        .env("JANUS_BRIDGE", "0xDc64a140Aa3E981100a9becA4E685f962f0cF6C9")
        .env("JANUS_DATA_DIR", dir.path())
        .env("JANUS_POLL_MS", "100")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn janus");
    std::thread::sleep(Duration::from_millis(700));
    assert!(
        child.try_wait().expect("poll").is_none(),
        "the node keeps running without L1"
    );
    assert!(
        dir.path().join("janus.redb").exists(),
        "store created in JANUS_DATA_DIR"
    );
    let pid = child.id().to_string();
    let ok = Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .expect("kill");
    assert!(ok.success());
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().expect("poll") {
            break s;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "no exit after SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    let out = child.wait_with_output().expect("output");
    let log = String::from_utf8_lossy(&out.stderr);
    assert!(status.success(), "exit {status:?}; log:\n{log}");
}

#[test]
fn bad_flags_are_rejected() {
    let out = Command::new(env!("CARGO_BIN_EXE_janus"))
        .args(["node", "--fee-bump-percent", "5"])
        .output()
        .expect("run");
    assert!(!out.status.success());
}
