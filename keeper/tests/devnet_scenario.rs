//! `make devnet`'s own path, end to end: `script/devnet.sh` starts anvil, deploys the suite with
//! the real Foundry scripts, and runs this build's `janus devnet --scenario short --exit` (one node
//! per operator, traffic, the scripted faults). The scenario must exit 0 and its last line must be
//! the JSON report with every goal reached.
//!
//! The nodes use the ports their operators registered (8601-8603) and ops ports 9701-9703, so this
//! test cannot run beside a `make devnet` on the same machine.

use std::path::PathBuf;
use std::process::Command;

use janus_keeper::testutil::free_port;

#[test]
fn short_scenario_reaches_every_goal() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let dir = tempfile::tempdir().expect("tempdir");
    let name = format!("scenario-test-{}", std::process::id());
    let out = Command::new("bash")
        .arg(root.join("script/devnet.sh"))
        .current_dir(&root)
        .env("JANUS_BIN", env!("CARGO_BIN_EXE_janus"))
        .env("DEVNET_PORT", free_port().to_string())
        .env("DEVNET_DIR", dir.path())
        .env("DEPLOY_NAME", &name)
        .env("DEVNET_SCENARIO", "short")
        .env("DEVNET_EXIT", "1")
        // No proving node: the short scenario has no ZK steps, and CI has no time for the circuit.
        .env("JANUS_DEVNET_PROVER", "none")
        .env("JANUS_LOG", "warn")
        .output()
        .expect("run script/devnet.sh");
    let _ = std::fs::remove_file(root.join(format!("deployments/{name}.json")));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "devnet scenario failed ({:?})\nstdout:\n{stdout}\nstderr:\n{stderr}",
        out.status
    );
    let last = stdout.lines().last().expect("output");
    let r: serde_json::Value = serde_json::from_str(last).expect("last line is JSON");
    let n = |k: &str| r[k].as_u64().unwrap_or_else(|| panic!("{k} in {last}"));
    assert!(n("rotations") >= 1, "{last}");
    assert!(n("batches_posted") >= 3, "{last}");
    assert!(n("batches_finalized_optimistic") >= 1, "{last}");
    // No node proves here (`JANUS_DEVNET_PROVER=none`): nothing is finalized by a proof.
    assert_eq!(n("batches_finalized_zk"), 0, "{last}");
    for kind in ["liveness", "equivocation"] {
        assert!(
            r["slashes"][kind].as_u64().unwrap_or(0) >= 1,
            "{kind}: {last}"
        );
    }
    let invalid_root = r["slashes"]["invalid_root"].as_u64().expect("invalid_root");
    if r["verifier_set"] == true {
        assert!(n("challenges") >= 1, "{last}");
        assert!(invalid_root >= 1, "{last}");
    } else {
        // Without a verifier (governance unset it) the rollup refuses every challenge (it could
        // not be answered by a proof): the adversary's challenge of an honest batch is refused,
        // nothing is challenged, nobody is slashed for a root.
        assert!(n("challenges_refused") >= 1, "{last}");
        assert_eq!(n("challenges"), 0, "{last}");
        assert_eq!(invalid_root, 0, "{last}");
    }
    assert!(n("deposits") >= 5, "operators' and users' deposits: {last}");
    assert!(n("withdrawals_paid") >= 1, "{last}");
    assert!(n("l2_transfers") >= 3, "{last}");
    assert_eq!(r["state_root_agreement"], true, "{last}");
}
